<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActionsMixin</name>
    <message>
        <location filename="../../gov_review/gui/window_actions.py" line="97"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_actions.py" line="98"/>
        <source>Open &amp;folder…</source>
        <translation>打开文件夹(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_actions.py" line="99"/>
        <source>&amp;Save review bundle</source>
        <translation>保存审核包(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_actions.py" line="100"/>
        <source>Save review bundle &amp;as…</source>
        <translation>审核包另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_actions.py" line="101"/>
        <source>&amp;Close report</source>
        <translation>关闭报告(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_actions.py" line="102"/>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_actions.py" line="103"/>
        <source>Add &amp;note…</source>
        <translation>添加批注(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_actions.py" line="104"/>
        <source>&amp;Accept warning…</source>
        <translation>接受警告(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_actions.py" line="105"/>
        <source>Apply &amp;suggested fix</source>
        <translation>应用修正建议(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_actions.py" line="106"/>
        <source>&amp;Next finding</source>
        <translation>下一个问题(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_actions.py" line="107"/>
        <source>&amp;Previous finding</source>
        <translation>上一个问题(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_actions.py" line="108"/>
        <source>Compare with last year&apos;s reports…</source>
        <translation>与上年度报告比对…</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_actions.py" line="109"/>
        <source>&amp;Statistics</source>
        <translation>统计(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_actions.py" line="112"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_actions.py" line="113"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_actions.py" line="114"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_actions.py" line="125"/>
        <source>&amp;Undo {what}</source>
        <translation>撤销 {what}(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_actions.py" line="126"/>
        <source>&amp;Redo {what}</source>
        <translation>重做 {what}(&amp;R)</translation>
    </message>
</context>
<context>
    <name>AnnotationsModel</name>
    <message>
        <location filename="../../gov_review/gui/models/annotations.py" line="52"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/annotations.py" line="53"/>
        <source>Cell</source>
        <translation>单元格</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/annotations.py" line="54"/>
        <source>Text / reason</source>
        <translation>内容 / 理由</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/annotations.py" line="55"/>
        <source>Reviewer</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/annotations.py" line="56"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/annotations.py" line="74"/>
        <source>Note</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/annotations.py" line="76"/>
        <source>Accepted {rule}</source>
        <translation>已接受 {rule}</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location filename="../../gov_review/gui/panels.py" line="219"/>
        <source>Delete note / withdraw acceptance</source>
        <translation>删除批注 / 撤回接受</translation>
    </message>
</context>
<context>
    <name>BatchViewsMixin</name>
    <message>
        <location filename="../../gov_review/gui/window_batch.py" line="70"/>
        <source>League table</source>
        <translation>报告一览</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_batch.py" line="71"/>
        <source>Cross-year</source>
        <translation>跨年度</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_batch.py" line="72"/>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../gov_review/gui/commands.py" line="37"/>
        <source>Set {cell} to {value}</source>
        <translation>将 {cell} 改为 {value}</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/commands.py" line="81"/>
        <source>Accept warning {rule}</source>
        <translation>接受警告 {rule}</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/commands.py"/>
        <source>Settle error {rule}</source>
        <translation>核实错误 {rule}</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/commands.py" line="104"/>
        <source>Withdraw acceptance of {rule}</source>
        <translation>撤回对 {rule} 的接受</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/commands.py" line="123"/>
        <source>Add note</source>
        <translation>添加批注</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/commands.py" line="144"/>
        <source>Delete note</source>
        <translation>删除批注</translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <location filename="../../gov_review/gui/dialogs/confirm.py" line="14"/>
        <source>Unsaved review</source>
        <translation>审核未保存</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/confirm.py" line="16"/>
        <source>“{name}” has review work that is not saved. Save it as a review bundle?</source>
        <translation>“{name}”有未保存的审核内容。是否保存为审核包？</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/confirm.py" line="25"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/confirm.py" line="27"/>
        <source>Don&apos;t save</source>
        <translation>不保存</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/confirm.py" line="29"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../gov_review/gui/dialogs/conflict.py" line="1"/>
        <source>Bundle saved by someone else</source>
        <translation>审核包已被他人保存</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/conflict.py" line="1"/>
        <source>“{name}” was saved by someone else (or another window) after you opened it. Saving now would replace their work.</source>
        <translation>“{name}”在您打开之后已被他人（或另一个窗口）保存过。现在保存会覆盖对方的修改。</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/conflict.py" line="1"/>
        <source>Save your review as a new file, or reopen their version (your unsaved changes are dropped).</source>
        <translation>请把您的审核另存为新文件，或重新打开对方的版本（您未保存的修改将被放弃）。</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/conflict.py" line="1"/>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/conflict.py" line="1"/>
        <source>Reopen their version</source>
        <translation>重新打开对方的版本</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/conflict.py" line="1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>CrossYearModel</name>
    <message>
        <location filename="../../gov_review/gui/crossyear_panel.py" line="168"/>
        <source>Pair / rule</source>
        <translation>配对 / 规则</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/crossyear_panel.py" line="169"/>
        <source>How / severity</source>
        <translation>方式 / 程度</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/crossyear_panel.py" line="170"/>
        <source>Findings</source>
        <translation>发现</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/crossyear_panel.py" line="193"/>
        <source>by hand</source>
        <translation>手动配对</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/crossyear_panel.py" line="196"/>
        <source>last year&apos;s folder</source>
        <translation>上年度文件夹</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/crossyear_panel.py" line="198"/>
        <source>by name</source>
        <translation>按名称</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/crossyear_panel.py" line="201"/>
        <source>{error} errors, {warning} warnings, {info} notes</source>
        <translation>错误 {error} 条，警告 {warning} 条，提示 {info} 条</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/crossyear_panel.py" line="221"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/crossyear_panel.py" line="222"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/crossyear_panel.py" line="223"/>
        <source>note</source>
        <translation>提示</translation>
    </message>
</context>
<context>
    <name>CrossYearPanel</name>
    <message>
        <location filename="../../gov_review/gui/crossyear_panel.py" line="338"/>
        <source>Folder of last year&apos;s reports</source>
        <translation>选择上年度报告所在的文件夹</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/crossyear_panel.py" line="350"/>
        <source>Reading last year&apos;s reports in {folder}…</source>
        <translation>正在读取 {folder} 中的上年度报告…</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/crossyear_panel.py" line="373"/>
        <source>Last year&apos;s folder could not be read: {reason}</source>
        <translation>无法读取上年度文件夹：{reason}</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/crossyear_panel.py" line="387"/>
        <source>Last year&apos;s folder {folder}: {read} files read, {unread} could not be read; {used} pairs.</source>
        <translation>上年度文件夹 {folder}：读取 {read} 份，{unread} 份无法读取；配成 {used} 对。</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/crossyear_panel.py" line="492"/>
        <source>Compare with last year&apos;s reports…</source>
        <translation>与上年度报告比对…</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/crossyear_panel.py" line="495"/>
        <source>Choose a folder of last year&apos;s reports or review bundles (.grb); each opened report is compared with last year&apos;s report of the same body found there</source>
        <translation>选择存放上年度报告或审核包（.grb）的文件夹；每份已打开的报告与其中同一主体的上年度报告比对</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/crossyear_panel.py" line="501"/>
        <source>Pair by hand…</source>
        <translation>手动配对…</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/crossyear_panel.py" line="504"/>
        <source>Remove hand pairing</source>
        <translation>取消手动配对</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/crossyear_panel.py" line="507"/>
        <source>Show this year&apos;s cell</source>
        <translation>显示本年度单元格</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/crossyear_panel.py" line="510"/>
        <source>Show last year&apos;s cell</source>
        <translation>显示上一年度单元格</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/crossyear_panel.py" line="547"/>
        <source>{pairs} pairs ({manual} by hand); {alone} of {n} readable reports have no other year opened.</source>
        <translation>共 {pairs} 对（其中手动 {manual} 对）；{n} 份可读报告中有 {alone} 份未打开其他年度的报告。</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../gov_review/gui/dashboard_figures.py" line="125"/>
        <source>{n} reports have blank cells here: blanks are left out of the sums, not read as 0</source>
        <translation>{n} 份报告此处有空白单元格：空白不计入合计，不按 0 处理</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dashboard_figures.py" line="173"/>
        <source>Overall {pooled} ({num}/{den}) over {n} reports. Left out: {blank} with blank cells, {zero} {zero_reason}</source>
        <translation>总体 {pooled}（{num}/{den}），计入 {n} 份报告。未计入：{blank} 份有空白单元格，{zero} 份{zero_reason}</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dashboard_figures.py" line="214"/>
        <source>Applications by outcome</source>
        <translation>申请办理结果</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dashboard_figures.py" line="216"/>
        <source>Table 3, rows (1)–(7) of 3. Results, Total column, summed over the reports</source>
        <translation>表三“三、本年度办理结果”（一）至（七）行的“总计”列，各报告相加</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dashboard_figures.py" line="230"/>
        <source>New applications by applicant type</source>
        <translation>新收申请的申请人类型</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dashboard_figures.py" line="234"/>
        <source>Table 3, row 1. New applications, one bar per applicant column</source>
        <translation>表三“一、本年新收政府信息公开申请数量”行，按申请人列</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dashboard_figures.py" line="247"/>
        <source>Refusal rate (reports per band)</source>
        <translation>不予公开率（报告数）</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dashboard_figures.py" line="251"/>
        <source>Refusal rate = table 3 (3) Not disclosed ÷ (7) Total, Total column. A report with any of these cells blank, or with a total of 0, is left out</source>
        <translation>不予公开率 = 表三（三）不予公开 ÷（七）总计（“总计”列）。其中任一单元格空白或总计为 0 的报告不计入</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dashboard_figures.py" line="257"/>
        <source>with no applications handled</source>
        <translation>没有办理申请</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dashboard_figures.py" line="267"/>
        <source>Correction rate (reports per band)</source>
        <translation>被纠错率（报告数）</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dashboard_figures.py" line="271"/>
        <source>Correction rate = table 4 Corrected ÷ (Total − Pending), administrative reconsideration and litigation together. A report with any of these cells blank, or with no concluded case, is left out</source>
        <translation>被纠错率 = 表四“结果纠正”÷（“总计”−“尚未审结”），行政复议与行政诉讼合计。其中任一单元格空白或没有审结案件的报告不计入</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dashboard_figures.py" line="277"/>
        <source>with no concluded case</source>
        <translation>没有审结案件</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dashboard_figures.py" line="285"/>
        <source>Administrative reconsideration</source>
        <translation>行政复议</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dashboard_figures.py" line="287"/>
        <source>Table 4, reconsideration columns, summed</source>
        <translation>表四“行政复议”各列，各报告相加</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dashboard_figures.py" line="297"/>
        <source>Administrative litigation</source>
        <translation>行政诉讼</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dashboard_figures.py" line="299"/>
        <source>Table 4, litigation: sued directly plus sued after reconsideration, summed</source>
        <translation>表四“行政诉讼”：未经复议直接起诉与复议后起诉相加，各报告相加</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dashboard_figures.py" line="325"/>
        <source>Findings per rule</source>
        <translation>各规则的发现数</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dashboard_figures.py" line="327"/>
        <source>Findings of each rule over all reports (accepted warnings not counted); bar colour: the rule&apos;s severity</source>
        <translation>各规则在全部报告中的发现数（已接受的警告不计）；颜色表示规则的严重程度</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dashboard_figures.py" line="334"/>
        <source>Red: error rules, orange: warnings, blue: info</source>
        <translation>红色：错误类规则，橙色：警告类，蓝色：提示类</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dashboard.py" line="164"/>
        <source>{label}: {value}
{n} reports — click to list them</source>
        <translation>{label}：{value}
{n} 份报告 — 点击在列表中显示</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dashboard.py" line="258"/>
        <source>{n} reports open; {bad} could not be read and are not counted. Click a bar to list its reports.</source>
        <translation>已打开 {n} 份报告，其中 {bad} 份无法读取、未计入。点击条形可在列表中筛选相应报告。</translation>
    </message>
</context>
<context>
    <name>FilterChip</name>
    <message>
        <location filename="../../gov_review/gui/league.py" line="147"/>
        <source>filter: {label} ({n} reports)</source>
        <translation>筛选：{label}（{n} 份）</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/league.py" line="152"/>
        <source>Clear this filter</source>
        <translation>清除此筛选</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../gov_review/gui/models/findings.py" line="186"/>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/findings.py" line="187"/>
        <source>Cell</source>
        <translation>单元格</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/findings.py" line="204"/>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/findings.py" line="205"/>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/findings.py" line="206"/>
        <source>Info</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/findings.py" line="224"/>
        <source>[accepted] </source>
        <translation>【已接受】</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/findings.py"/>
        <source>[settled] </source>
        <translation>【已核实】</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/findings.py" line="226"/>
        <source>[not assessable] </source>
        <translation>【无法核验】</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/findings.py" line="230"/>
        <source>text</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/findings.py" line="240"/>
        <source>Last year&apos;s report: {file}</source>
        <translation>上年度报告：{file}</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/findings.py" line="247"/>
        <source>Accepted by {who} ({when}): {reason}</source>
        <translation>{who} 已接受（{when}）：{reason}</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/findings.py"/>
        <source>Settled by {who} ({when}): {reason}</source>
        <translation>{who} 已核实（{when}）：{reason}</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../gov_review/gui/panels.py" line="105"/>
        <source>✖ Errors: {e} · warnings: {w}</source>
        <translation>✖ {e} 个错误，{w} 个警告</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/panels.py" line="108"/>
        <source>▲ No errors · warnings: {w}</source>
        <translation>▲ 无错误，{w} 个警告</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/panels.py" line="111"/>
        <source>✔ No errors, no warnings</source>
        <translation>✔ 无错误，无警告</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/panels.py" line="114"/>
        <source> ({n} accepted)</source>
        <translation>（已接受 {n} 项）</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/views/panels.py"/>
        <source> ({n} errors settled)</source>
        <translation>（已核实错误 {n} 项）</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/panels.py" line="122"/>
        <source> · {n} of them cross-year</source>
        <translation> · 其中跨年度 {n} 条</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/panels.py" line="156"/>
        <source>Set {cell} to {value}</source>
        <translation>将 {cell} 改为 {value}</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/panels.py" line="162"/>
        <source>Fix: {change}</source>
        <translation>修正：{change}</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/panels.py" line="172"/>
        <source>Accept warning…</source>
        <translation>接受警告…</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/views/panels.py"/>
        <source>Settle error…</source>
        <translation>核实错误…</translation>
    </message>
</context>
<context>
    <name>LeagueModel</name>
    <message>
        <location filename="../../gov_review/gui/models/league.py" line="360"/>
        <source>{rule}: {title}
Findings of this rule per report</source>
        <translation>{rule}：{title}
每份报告中此规则的发现数</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/league.py" line="367"/>
        <source>Accepted warnings are not counted</source>
        <translation>已接受的警告不计入</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/league.py" line="374"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/league.py" line="375"/>
        <source>Body / reason</source>
        <translation>报告主体 / 原因</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/league.py" line="376"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/league.py" line="377"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/league.py" line="378"/>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/league.py" line="379"/>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/league.py" line="470"/>
        <source>{rule}: {title}
{errors} errors, {warnings} warnings, {infos} notes</source>
        <translation>{rule}：{title}
错误 {errors} 条，警告 {warnings} 条，提示 {infos} 条</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/league.py" line="484"/>
        <source>including {n} cross-year findings</source>
        <translation>含跨年度发现 {n} 条</translation>
    </message>
</context>
<context>
    <name>LeagueView</name>
    <message>
        <location filename="../../gov_review/gui/league.py" line="239"/>
        <source>Filter by body, file, year or format</source>
        <translation>按主体、文件名、年度或格式筛选</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/league.py" line="244"/>
        <source>Only reports with errors</source>
        <translation>只看有错误的报告</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/league.py" line="292"/>
        <source>{shown} of {total} reports shown</source>
        <translation>显示 {shown} / {total} 份报告</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="195"/>
        <source>Filter reports…</source>
        <translation>筛选报告…</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="197"/>
        <source>Table 2</source>
        <translation>表二</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="197"/>
        <source>Table 3</source>
        <translation>表三</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="197"/>
        <source>Table 4</source>
        <translation>表四</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="197"/>
        <location filename="../../gov_review/gui/main_window.py" line="322"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="201"/>
        <source>Statistics appear here.</source>
        <translation>统计图表将显示在这里。</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="204"/>
        <source>Findings</source>
        <translation>审核结果</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="205"/>
        <source>Notes and accepted warnings</source>
        <translation>批注与已接受的警告</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="206"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="207"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="208"/>
        <source>Recent files</source>
        <translation>最近打开</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="209"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="210"/>
        <source>&amp;Review</source>
        <translation>审核(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="211"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="212"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="213"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="303"/>
        <source>gov-review — Annual report review</source>
        <translation>gov-review — 政府信息公开工作年度报告审核</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="334"/>
        <source>About gov-review</source>
        <translation>关于 gov-review</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="335"/>
        <source>gov-review: review government information-disclosure annual reports.</source>
        <translation>gov-review：政府信息公开工作年度报告审核工具。</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="216"/>
        <source>Reason for corrections (optional)</source>
        <translation>更正理由（可选）</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="218"/>
        <source>Kept with each value you correct from now on, and shown in the memo and the corrections table.</source>
        <translation>此后每次更正都记下这条理由，并写入审核意见和修改记录。</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_actions.py" line="104"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_actions.py" line="105"/>
        <source>Reviewer and &amp;unit…</source>
        <translation>审核人和审核单位(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_save.py" line="61"/>
        <source>Saved {path}; left out: {what}</source>
        <translation>已保存 {path}；未能生成：{what}</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../gov_review/gui/dialogs/note.py" line="11"/>
        <source>Add note</source>
        <translation>添加批注</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/note.py" line="12"/>
        <source>Note on {cell}:</source>
        <translation>{cell} 的批注：</translation>
    </message>
</context>
<context>
    <name>OpeningMixin</name>
    <message>
        <location filename="../../gov_review/gui/window_open.py" line="112"/>
        <source>“{name}” is already open</source>
        <translation>“{name}”已经打开</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_open.py" line="54"/>
        <source>Open reports</source>
        <translation>打开报告</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_open.py" line="56"/>
        <source>Reports ({exts})</source>
        <translation>报告文件 ({exts})</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_open.py" line="64"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_open.py" line="75"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_open.py" line="153"/>
        <source>Opening cancelled; {n} reports open</source>
        <translation>已取消打开；已打开 {n} 份报告</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_open.py" line="157"/>
        <source>{n} reports open</source>
        <translation>已打开 {n} 份报告</translation>
    </message>
</context>
<context>
    <name>PairDialog</name>
    <message>
        <location filename="../../gov_review/gui/dialogs/pair.py" line="21"/>
        <source>Pair two years by hand</source>
        <translation>手动配对两个年度的报告</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/pair.py" line="26"/>
        <source>Choose last year&apos;s and this year&apos;s report of the same body; the cross-year checks X01–X06 compare them.</source>
        <translation>请选择同一主体上一年度和本年度的报告，跨年度检查 X01–X06 将对二者进行比对。</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/pair.py" line="52"/>
        <source>Last year:</source>
        <translation>上一年度：</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/pair.py" line="54"/>
        <source>This year:</source>
        <translation>本年度：</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/pair.py" line="97"/>
        <source>Choose two different reports.</source>
        <translation>请选择两份不同的报告。</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/pair.py" line="106"/>
        <source>The years are {prev} and {cur}, not consecutive: the comparison may mislead.</source>
        <translation>两份报告的年度为 {prev} 年和 {cur} 年，并不相邻，比对结果可能不准确。</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../gov_review/gui/dialogs/recovery.py" line="28"/>
        <source>Restore unsaved reviews</source>
        <translation>恢复未保存的审核</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/recovery.py" line="31"/>
        <source>gov-review was not closed properly last time. These reviews had work that was not saved. Restore them?</source>
        <translation>gov-review 上次未正常关闭，以下审核有未保存的工作。是否恢复？</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/recovery.py" line="43"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/recovery.py" line="46"/>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/recovery.py" line="49"/>
        <source>Decide later</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/recovery.py" line="61"/>
        <source>{file}: damaged, cannot be restored</source>
        <translation>{file}：已损坏，无法恢复</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/recovery.py" line="63"/>
        <source>{name} — {edits} edits, {notes} notes, autosaved {time}</source>
        <translation>{name}——{edits} 处修改，{notes} 条批注，自动保存于 {time}</translation>
    </message>
</context>
<context>
    <name>RecoveryMixin</name>
    <message>
        <location filename="../../gov_review/gui/window_recovery.py" line="65"/>
        <source>Autosave failed: {reason}</source>
        <translation>自动保存失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_recovery.py" line="112"/>
        <source>Restored {n} unsaved reviews</source>
        <translation>已恢复 {n} 份未保存的审核</translation>
    </message>
</context>
<context>
    <name>ReportListModel</name>
    <message>
        <location filename="../../gov_review/gui/models/report_list.py" line="79"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/report_list.py" line="80"/>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/report_list.py" line="81"/>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/report_list.py" line="82"/>
        <source>Body / status</source>
        <translation>主体 / 状态</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/report_list.py" line="126"/>
        <source>{path}
{errors} errors, {warnings} warnings, {waived} accepted</source>
        <translation>{path}
{errors} 个错误，{warnings} 个警告，已接受 {waived} 项</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/report_list.py" line="132"/>
        <source>Unsaved review work</source>
        <translation>有未保存的审核内容</translation>
    </message>
</context>
<context>
    <name>ReviewMixin</name>
    <message>
        <location filename="../../gov_review/gui/window_review.py" line="96"/>
        <source>No findings to walk</source>
        <translation>没有需要查看的问题</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_review.py" line="129"/>
        <source>Accept warning {rule}…</source>
        <translation>接受警告 {rule}…</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_review.py"/>
        <source>Settle error {rule}…</source>
        <translation>核实错误 {rule}…</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_review.py" line="128"/>
        <source>Use candidate value {value}</source>
        <translation>采用候选值 {value}</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_review.py" line="148"/>
        <source>Only warnings can be accepted; errors must be fixed.</source>
        <translation>错误必须改正，不能接受；只有警告可以在说明理由后接受。</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_review.py" line="163"/>
        <source>Select a cell first.</source>
        <translation>请先选择一个单元格。</translation>
    </message>
</context>
<context>
    <name>SavingMixin</name>
    <message>
        <location filename="../../gov_review/gui/window_save.py" line="55"/>
        <source>“{file}” is the review bundle of “{name}”, which is open: choose another name.</source>
        <translation>“{file}”是已打开的“{name}”的审核包，保存到这里会覆盖它的审核结果，请换一个文件名。</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_save.py" line="1"/>
        <source>Changed on disk</source>
        <translation>文件已在磁盘上被改动</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_save.py" line="37"/>
        <source>Save review bundle</source>
        <translation>保存审核包</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_save.py" line="37"/>
        <source>Review bundle (*.grb)</source>
        <translation>审核包 (*.grb)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_save.py" line="50"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_save.py" line="56"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <location filename="../../gov_review/gui/views/page_view.py" line="1"/>
        <source>The pages of this PDF cannot be shown; see the text view.</source>
        <translation>无法显示此 PDF 的页面，请看“文本”。</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/views/page_view.py" line="1"/>
        <source>Table 2</source>
        <translation>表二</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/views/page_view.py" line="1"/>
        <source>Table 3</source>
        <translation>表三</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/views/page_view.py" line="1"/>
        <source>Table 4</source>
        <translation>表四</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/views/page_view.py" line="1"/>
        <source>{table} {cell}: {value}</source>
        <translation>{table} {cell}：{value}</translation>
    </message>
</context>
<context>
    <name>SourcePane</name>
    <message>
        <location filename="../../gov_review/gui/views/source_pane.py" line="1"/>
        <source>The original file is no longer on disk: only its text can be shown.</source>
        <translation>原文件已不在磁盘上，只能显示读出的文本。</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/views/source_pane.py" line="1"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/views/source_pane.py" line="1"/>
        <source>Original</source>
        <translation>原件</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/views/source_pane.py" line="1"/>
        <source>The pages of the PDF as printed</source>
        <translation>PDF 的页面原样</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/views/source_pane.py" line="1"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/views/source_pane.py" line="1"/>
        <source>The text the tool read from the file</source>
        <translation>本工具从文件中读出的文本</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/views/source_pane.py" line="1"/>
        <source>Fit the page to the pane's width (Ctrl+0)</source>
        <translation>页面宽度适合窗格（Ctrl+0）</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/views/source_pane.py" line="1"/>
        <source>Zoom in (Ctrl+=, or Ctrl+wheel)</source>
        <translation>放大（Ctrl+= 或 Ctrl+滚轮）</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/views/source_pane.py" line="1"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
</context>
<context>
    <name>SourceView</name>
    <message>
        <location filename="../../gov_review/gui/source_view.py" line="298"/>
        <source>Jump to a section</source>
        <translation>跳到章节</translation>
    </message>
</context>
<context>
    <name>StatsWidget</name>
    <message>
        <location filename="../../gov_review/gui/charts.py" line="101"/>
        <source>Applications by outcome (total column)</source>
        <translation>按办理结果统计的申请数（总计列）</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/charts.py" line="109"/>
        <source>New applications by applicant type</source>
        <translation>按申请人类型统计的本年新收申请</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/charts.py" line="119"/>
        <source>Comparison: new applications (blue) and errors (red) per report</source>
        <translation>各报告比较：本年新收申请（蓝）与错误数（红）</translation>
    </message>
</context>
<context>
    <name>SettleDialog</name>
    <message>
        <location filename="../../gov_review/gui/dialogs/settle.py"/>
        <source>Settle error</source>
        <translation>核实错误</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/settle.py"/>
        <source>How was this error settled? Pick or write the reason; it goes into the review memo.</source>
        <translation>这个错误如何处理？请选择或填写理由，理由将写入审核意见。</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/settle.py"/>
        <source>Also set the cell to the text&apos;s figure {n}</source>
        <translation>同时把该单元格改为正文中的数 {n}</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/settle.py"/>
        <source>Settle</source>
        <translation>核实</translation>
    </message>
</context>
<context>
    <name>WaiverDialog</name>
    <message>
        <location filename="../../gov_review/gui/dialogs/waiver.py" line="16"/>
        <source>Accept warning</source>
        <translation>接受警告</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/waiver.py" line="20"/>
        <source>Why can this warning stand? The reason goes into the review memo.</source>
        <translation>为什么可以保留这个警告？理由将写入审核意见。</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/waiver.py" line="28"/>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../gov_review/gui/dialogs/identity.py" line="21"/>
        <source>Reviewer and reviewing unit</source>
        <translation>审核人和审核单位</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/identity.py" line="24"/>
        <source>The review memo is issued in the name of the reviewing unit and signed by the reviewer. You can change both later in the File menu.</source>
        <translation>审核意见以审核单位的名义发出，由审核人署名。以后可在“文件”菜单中修改。</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/identity.py" line="35"/>
        <source>e.g. the government information disclosure office</source>
        <translation>例如：某某区政务公开办公室</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/identity.py" line="37"/>
        <source>Reviewer:</source>
        <translation>审核人：</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/identity.py" line="38"/>
        <source>Reviewing unit:</source>
        <translation>审核单位：</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../gov_review/gui/dialogs/export.py" line="2"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/export.py" line="47"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/export.py" line="55"/>
        <source>Clean copy (new values only)</source>
        <translation>干净稿（只写更正后的值）</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/export.py" line="56"/>
        <source>With comments (old value and reason in a Word comment)</source>
        <translation>带批注（原值和理由写在 Word 批注中）</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/export.py" line="57"/>
        <source>Tracked changes (accept or reject each in Word/WPS)</source>
        <translation>修订模式（可在 Word/WPS 中逐条接受或拒绝）</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/export.py" line="62"/>
        <source>Corrected report (Word)</source>
        <translation>更正稿（Word）</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/export.py" line="63"/>
        <source>Review memo (Word)</source>
        <translation>审核意见（Word）</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/export.py" line="64"/>
        <source>Review memo (PDF)</source>
        <translation>审核意见（PDF）</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/export.py" line="65"/>
        <source>Corrections (Excel)</source>
        <translation>修改记录（Excel）</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/export.py" line="66"/>
        <source>Corrections (CSV)</source>
        <translation>修改记录（CSV）</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/export.py" line="78"/>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/export.py" line="79"/>
        <source>Corrected report:</source>
        <translation>更正稿：</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/export.py" line="80"/>
        <source>Write:</source>
        <translation>导出：</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/dialogs/export.py" line="95"/>
        <source>Export to folder</source>
        <translation>导出到文件夹</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <location filename="../../gov_review/gui/window_export.py" line="109"/>
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_export.py" line="113"/>
        <source>Exporting to {folder}…</source>
        <translation>正在导出到 {folder}…</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_export.py" line="124"/>
        <source>The outputs could not be written. The review itself is not affected.</source>
        <translation>导出文件未能写出，审核工作本身不受影响。</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_export.py" line="1"/>
        <source>{n} files written to {folder}</source>
        <translation>已在 {folder} 写出 {n} 个文件</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_export.py" line="133"/>
        <source>Some outputs were left out</source>
        <translation>部分文件未能导出</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_export.py" line="140"/>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/window_export.py" line="141"/>
        <source>The outputs were written to {folder}. Open the folder?</source>
        <translation>文件已写到 {folder}。现在打开这个文件夹吗？</translation>
    </message>
</context>
</TS>
