<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AnnotationsModel</name>
    <message>
        <location filename="../../gov_review/gui/models/annotations.py" line="59"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/annotations.py" line="60"/>
        <source>Cell</source>
        <translation>单元格</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/annotations.py" line="61"/>
        <source>Text / reason</source>
        <translation>内容 / 理由</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/annotations.py" line="62"/>
        <source>Reviewer</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/annotations.py" line="63"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/annotations.py" line="81"/>
        <source>Note</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/annotations.py" line="83"/>
        <source>Accepted {rule}</source>
        <translation>已接受 {rule}</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location filename="../../gov_review/gui/panels.py" line="193"/>
        <source>Delete note / withdraw acceptance</source>
        <translation>删除批注 / 撤回接受</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../gov_review/gui/app.py" line="24"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/app.py" line="26"/>
        <source>Something went wrong. Please copy the details and send them to the developers.</source>
        <translation>程序出现意外错误。请复制详细信息发送给开发人员。</translation>
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
    <name>FindingsModel</name>
    <message>
        <location filename="../../gov_review/gui/models/findings.py" line="123"/>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/findings.py" line="124"/>
        <source>Cell</source>
        <translation>单元格</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/findings.py" line="141"/>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/findings.py" line="142"/>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/findings.py" line="143"/>
        <source>Notes</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/findings.py" line="161"/>
        <source>[accepted] </source>
        <translation>【已接受】</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/findings.py" line="163"/>
        <source>[not assessable] </source>
        <translation>【无法核验】</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/findings.py" line="167"/>
        <source>text</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/models/findings.py" line="177"/>
        <source>Accepted by {who} ({when}): {reason}</source>
        <translation>{who} 已接受（{when}）：{reason}</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../gov_review/gui/panels.py" line="87"/>
        <source>✖ {e} errors, {w} warnings</source>
        <translation>✖ {e} 个错误，{w} 个警告</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/panels.py" line="90"/>
        <source>▲ No errors, {w} warnings</source>
        <translation>▲ 无错误，{w} 个警告</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/panels.py" line="93"/>
        <source>✔ No errors, no warnings</source>
        <translation>✔ 无错误，无警告</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/panels.py" line="96"/>
        <source> ({n} accepted)</source>
        <translation>（已接受 {n} 项）</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/panels.py" line="130"/>
        <source>Set {cell} to {value}</source>
        <translation>将 {cell} 改为 {value}</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/panels.py" line="136"/>
        <source>Fix: {change}</source>
        <translation>修正：{change}</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/panels.py" line="146"/>
        <source>Accept warning…</source>
        <translation>接受警告…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="248"/>
        <source>Filter reports…</source>
        <translation>筛选报告…</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="250"/>
        <source>Table 2</source>
        <translation>表二</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="250"/>
        <source>Table 3</source>
        <translation>表三</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="250"/>
        <source>Table 4</source>
        <translation>表四</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="250"/>
        <location filename="../../gov_review/gui/main_window.py" line="679"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="254"/>
        <source>Statistics appear here.</source>
        <translation>统计图表将显示在这里。</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="257"/>
        <source>Findings</source>
        <translation>审核结果</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="258"/>
        <source>Notes and accepted warnings</source>
        <translation>批注与已接受的警告</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="259"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="260"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="261"/>
        <source>Recent files</source>
        <translation>最近打开</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="262"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="263"/>
        <source>&amp;Review</source>
        <translation>审核(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="264"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="265"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="266"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="268"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="269"/>
        <source>Open &amp;folder…</source>
        <translation>打开文件夹(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="270"/>
        <source>&amp;Save review bundle</source>
        <translation>保存审核包(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="271"/>
        <source>&amp;Close report</source>
        <translation>关闭报告(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="272"/>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="273"/>
        <source>Add &amp;note…</source>
        <translation>添加批注(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="274"/>
        <source>&amp;Accept warning…</source>
        <translation>接受警告(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="275"/>
        <source>Apply &amp;suggested fix</source>
        <translation>应用修正建议(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="276"/>
        <source>&amp;Next finding</source>
        <translation>下一个问题(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="277"/>
        <source>&amp;Previous finding</source>
        <translation>上一个问题(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="278"/>
        <source>&amp;Statistics</source>
        <translation>统计(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="281"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="285"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="286"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="333"/>
        <source>Open reports</source>
        <translation>打开报告</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="335"/>
        <source>Reports ({exts})</source>
        <translation>报告文件 ({exts})</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="343"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="354"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="391"/>
        <source>{n} reports open</source>
        <translation>已打开 {n} 份报告</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="397"/>
        <source>Opening cancelled</source>
        <translation>已取消打开</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="446"/>
        <source>gov-review — Annual report review</source>
        <translation>gov-review — 政府信息公开工作年度报告审核</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="501"/>
        <source>No findings to walk</source>
        <translation>没有需要查看的问题</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="533"/>
        <source>Accept warning {rule}…</source>
        <translation>接受警告 {rule}…</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="559"/>
        <source>Only warnings can be accepted; errors must be fixed.</source>
        <translation>错误必须改正，不能接受；只有警告可以在说明理由后接受。</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="574"/>
        <source>Select a cell first.</source>
        <translation>请先选择一个单元格。</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="599"/>
        <source>Saving review bundles is not available in this version yet.</source>
        <translation>此版本尚不能保存审核包。</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="606"/>
        <source>Save review bundle</source>
        <translation>保存审核包</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="606"/>
        <source>Review bundle (*.grb)</source>
        <translation>审核包 (*.grb)</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="613"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="691"/>
        <source>About gov-review</source>
        <translation>关于 gov-review</translation>
    </message>
    <message>
        <location filename="../../gov_review/gui/main_window.py" line="692"/>
        <source>gov-review: review government information-disclosure annual reports.</source>
        <translation>gov-review：政府信息公开工作年度报告审核工具。</translation>
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
    <name>SourceView</name>
    <message>
        <location filename="../../gov_review/gui/source_view.py" line="286"/>
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
</TS>
