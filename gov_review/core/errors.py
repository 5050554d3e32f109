"""Expected failures, as typed exceptions with one clear sentence in Chinese (and English).

The core raises these; the GUI and the CLI show ``message_zh`` (or ``message_en``) as they are.
Every message says what is wrong and what the reviewer can do about it.
"""

from __future__ import annotations

from typing import Any

# code -> (Chinese, English). Placeholders are filled from the exception's params.
MESSAGES: dict[str, tuple[str, str]] = {
    # a batch (folder) check: the file could not be checked for a reason other than its content
    "internal_error": (
        "检查文件“{name}”时程序出错（{reason}），已跳过该文件，其他文件不受影响；请把该文件和日志发给技术支持。",
        "Checking “{name}” failed with an internal error ({reason}); it was skipped and the other files "
        "were checked — send the file and the log to support.",
    ),
    "worker_crashed": (
        "检查文件“{name}”时检查进程意外退出，已跳过该文件；请单独打开该文件核实。",
        "The checking process died on “{name}”; it was skipped — open that file on its own to see why.",
    ),
    "not_found": (
        "找不到文件“{name}”，请确认路径是否正确。",
        "File “{name}” was not found; check the path.",
    ),
    "not_a_file": (
        "“{name}”不是一个文件，请选择报告文件（文件夹请用“打开文件夹”）。",
        "“{name}” is not a file; choose a report file (use Open Folder for folders).",
    ),
    "unreadable": (
        "无法读取文件“{name}”（{reason}），请检查文件权限后重试。",
        "Cannot read “{name}” ({reason}); check the file permissions and try again.",
    ),
    "empty": (
        "文件“{name}”是空的（0 字节），请确认是否下载或复制完整。",
        "“{name}” is empty (0 bytes); check that it was downloaded or copied completely.",
    ),
    "too_large": (
        "文件“{name}”有 {size_mb} MB，超过了 {limit_mb} MB 的上限，不像是一份年度报告；请确认选对了文件。",
        "“{name}” is {size_mb} MB, over the {limit_mb} MB limit — not an annual report; check the file.",
    ),
    "binary": (
        "文件“{name}”不是文本，也不是可识别的 Word、网页或 PDF 文件，请另存为 .docx 后再打开。",
        "“{name}” is neither text nor a recognised Word, HTML or PDF file; save it as .docx and try again.",
    ),
    "undecodable": (
        "无法识别文件“{name}”的文字编码，请用记事本或 Word 另存为 UTF-8 文本或 .docx 后再打开。",
        "Cannot tell the text encoding of “{name}”; save it as UTF-8 text or .docx and try again.",
    ),
    "unsupported_type": (
        "不支持“{ext}”类型的文件“{name}”；请打开 .docx、.txt、.html 或 .pdf 文件。",
        "Files of type “{ext}” (“{name}”) are not supported; open a .docx, .txt, .html or .pdf file.",
    ),
    "wrong_type": (
        "文件“{name}”的扩展名是 {ext}，但内容是{actual}；请改正扩展名或重新导出后再打开。",
        "“{name}” is named {ext} but holds {actual}; fix the extension or export it again.",
    ),
    "corrupt": (
        "文件“{name}”已损坏，无法打开（{reason}）；请向报送单位索取完好的文件。",
        "“{name}” is damaged and cannot be opened ({reason}); ask the sender for an intact copy.",
    ),
    "encrypted": (
        "文件“{name}”设置了打开密码，无法读取；请在原软件（Word/WPS 或 PDF 编辑器）中取消密码后另存，再打开。",
        "“{name}” has an opening password and cannot be read; remove the password in the program that made it, save, and open it again.",
    ),
    "hostile": (
        "文件“{name}”的结构异常（{reason}），为安全起见已拒绝打开；请向报送单位索取正常导出的文件。",
        "“{name}” has an abnormal structure ({reason}) and was refused for safety; ask for a normal export.",
    ),
    "no_text_layer": (
        "PDF 文件“{name}”是扫描图片，没有文字层，离线无法识别；请向报送单位索取 Word 版或可复制文字的 PDF。",
        "PDF “{name}” is a scan with no text layer and cannot be read offline; ask for the Word file or a text PDF.",
    ),
    "html_no_text": (
        "网页“{name}”中没有找到任何正文文字；请确认保存的是报告页面本身（另存为“网页，全部”或“网页，仅 HTML”）。",
        "Web page “{name}” contains no text; check that the report page itself was saved (Save as “Web page, complete”).",
    ),
    "pdf_empty": (
        "PDF 文件“{name}”的页面上什么也没有（没有文字，也没有图片），文件结构可能已损坏；请向报送单位索取完好的文件或 Word 版。",
        "The pages of PDF “{name}” hold nothing (no text and no images); the file is probably damaged — ask the sender for an intact copy or the Word file.",
    ),
    "needs_libreoffice": (
        "“{name}”是旧版 {ext} 文件，本机未安装 LibreOffice，无法转换；请在 Word/WPS 中另存为 .docx 后再打开。",
        "“{name}” is a legacy {ext} file and LibreOffice is not installed; save it as .docx in Word/WPS.",
    ),
    "conversion_failed": (
        "用 LibreOffice 转换“{name}”失败（{reason}）；请在 Word/WPS 中另存为 .docx 后再打开。",
        "LibreOffice could not convert “{name}” ({reason}); save it as .docx in Word/WPS.",
    ),
    "too_complex": (
        "PDF 文件“{name}”第 {page} 页内容过于复杂（{found} 个文字或图形对象，上限 {limit}），为避免长时间无响应已停止读取；请向报送单位索取 Word 版或正常导出的 PDF。",
        "Page {page} of PDF “{name}” is too complex ({found} text or drawing objects, limit {limit}); reading stopped to stay responsive — ask for the Word file or a normally exported PDF.",
    ),
    "too_many_tables": (
        "文件“{name}”中有 {tables} 张表格，远多于一份年度报告（上限 {limit} 张），像是多份报告或其他数据连在一起，已停止读取；请确认选对了文件，或把每份报告分别保存后再打开。",
        "“{name}” holds {tables} tables, far more than one annual report (limit {limit}); it looks like several reports or other data run together, so reading stopped — check the file, or save each report on its own.",
    ),
    "table_too_long": (
        "文件“{name}”中的统计表有 {rows} 行，远多于任何年度报告（上限 {limit} 行），已停止读取；请确认选对了文件，或向报送单位索取正常导出的报告。",
        "A statistics table in “{name}” has {rows} rows, far more than any annual report (limit {limit}); reading stopped — check the file or ask for a normal export.",
    ),
    "timeout": (
        "处理文件“{name}”超时（超过 {seconds} 秒），已放弃；请检查文件是否异常。",
        "Processing “{name}” took longer than {seconds} s and was abandoned; check the file.",
    ),
    # Bundles (.grb) and saving
    "bundle_not_bundle": (
        "“{name}”不是 gov-review 审核包（.grb），请选择用本工具保存的审核包。",
        "“{name}” is not a gov-review bundle (.grb); choose a bundle saved by this tool.",
    ),
    "bundle_corrupt": (
        "审核包“{name}”已损坏（{reason}），无法打开；请改用备份或恢复文件。",
        "Bundle “{name}” is damaged ({reason}) and cannot be opened; use a backup or a recovery file.",
    ),
    "bundle_tampered": (
        "审核包“{name}”中的“{member}”与保存时的校验值不符，可能被改动过，已拒绝打开；请向保存者索取原件。",
        "“{member}” in bundle “{name}” does not match the checksum recorded at save time; it was refused — ask for the original.",
    ),
    "bundle_hostile": (
        "审核包“{name}”的结构异常（{reason}），为安全起见已拒绝打开；请向保存者索取正常保存的审核包。",
        "Bundle “{name}” has an abnormal structure ({reason}) and was refused for safety; ask for a normally saved bundle.",
    ),
    "bundle_invalid": (
        "审核包“{name}”中的审核记录不是本工具的编辑器能做出的（{reason}），可能被人改动过，已拒绝打开；请向保存者索取原件。",
        "The review in bundle “{name}” is not one this tool's editor could have made ({reason}); it may have been altered and was refused — ask for the original.",
    ),
    "bundle_newer": (
        "审核包“{name}”由较新版本的 gov-review（格式版本 {schema}，本机支持到 {supported}）保存，请先升级本工具再打开。",
        "Bundle “{name}” was saved by a newer gov-review (format {schema}; this one reads up to {supported}); upgrade the tool to open it.",
    ),
    "save_disk_full": (
        "磁盘空间不足，无法保存“{name}”；审核内容仍在内存中，请清理磁盘或另存到其他位置。",
        "The disk is full and “{name}” could not be saved; the review is still open — free some space or save elsewhere.",
    ),
    "save_read_only": (
        "无法写入“{folder}”（只读或没有权限），“{name}”未保存；审核内容仍在内存中，请另存到其他文件夹。",
        "Cannot write to “{folder}” (read-only or no permission), so “{name}” was not saved; the review is still open — save to another folder.",
    ),
    "save_failed": (
        "保存“{name}”失败（{reason}）；审核内容仍在内存中，请重试或另存到其他位置。",
        "Saving “{name}” failed ({reason}); the review is still open — try again or save elsewhere.",
    ),
    "bundle_changed": (
        "审核包“{name}”在您打开之后已被他人（或另一个窗口）保存过，为免覆盖对方的修改，本次未保存；请“另存为”一个新文件，或重新打开对方保存的版本。",
        "Bundle “{name}” was saved by someone else (or another window) after you opened it; to keep their work it was not overwritten — use Save As, or reopen their version.",
    ),
    "bundle_changed_on_disk": (
        "审核包“{name}”已被他人（或另一个窗口）保存过；您在此处的修改尚未保存，保存时可选择“另存为”或重新打开对方的版本。",
        "Bundle “{name}” was saved by someone else (or another window); when you save, you can Save As or reopen their version.",
    ),
    "source_changed": (
        "报告原件“{name}”在打开之后被改动过，当前审核的仍是打开时的内容；如需审核新内容，请重新打开该文件。",
        "The original report “{name}” changed on disk after it was opened; the review still shows the version opened — reopen the file to review the new one.",
    ),
    "source_missing": (
        "找不到报告原件“{name}”，无法保存审核包；请把原件放回原处或从审核包重新打开。",
        "The original report “{name}” is gone, so the bundle cannot be saved; put it back or reopen from a bundle.",
    ),
    "recovery_unreadable": (
        "恢复文件“{name}”已损坏或不完整，无法恢复；可将其删除。",
        "Recovery file “{name}” is damaged or incomplete and cannot be restored; it can be deleted.",
    ),
    "export_failed": (
        "导出“{name}”失败（{reason}）；请检查输出文件夹后重试。",
        "Exporting “{name}” failed ({reason}); check the output folder and try again.",
    ),
}


class GovReviewError(Exception):
    """Base of every expected failure. ``code`` picks the sentence, ``params`` fill it."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message_en)

    def _fmt(self, index: int) -> str:
        template = MESSAGES.get(self.code, ("{code}", "{code}"))[index]
        try:
            return template.format(code=self.code, **self.params)
        except (KeyError, IndexError):
            return template

    @property
    def message_zh(self) -> str:
        return self._fmt(0)

    @property
    def message_en(self) -> str:
        return self._fmt(1)

    def message(self, lang: str = "zh") -> str:
        return self.message_en if lang == "en" else self.message_zh


class ReadError(GovReviewError):
    """A report file could not be read."""


class BundleError(GovReviewError):
    """A review bundle (.grb) could not be opened: damaged, tampered, hostile or too new."""


class SaveError(GovReviewError):
    """A bundle or an export could not be written; the review is still in memory."""


class BundleConflict(SaveError):
    """The bundle on disk was saved by someone else since this session opened or saved it."""
