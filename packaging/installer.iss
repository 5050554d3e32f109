; Inno Setup 6 script: a per-user installer for the one-folder build (dist\gov-review\, made by
; packaging\build.py on Windows). Needs no administrator rights: it installs under
; %LOCALAPPDATA%\Programs\gov-review ({userpf}), adds a Start-menu shortcut for this user only and
; registers .grb review bundles under HKCU. Build it on Windows with:
;     iscc packaging\installer.iss            (writes dist\gov-review-<version>-setup.exe)
; The installer speaks Chinese. ChineseSimplified.isl is an unofficial translation that many Inno
; Setup installs lack: it is used when present, otherwise the wizard texts below override the
; English defaults, so the script compiles on any Inno Setup 6.
; This file must stay UTF-8 *with* BOM, or Inno Setup reads the Chinese as ANSI.

#define AppName "gov-review"
#define AppVersion "0.1.0"
#define AppExe "gov-review.exe"
#define AppZh "政府信息公开年报审核"
#define ProgId "govreview.bundle"

[Setup]
AppId={{6B0B7C2E-4A53-4C77-9E35-1F7C3C1D2A90}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=gov-review
; Per-user: no UAC prompt, nothing written outside the user's profile.
PrivilegesRequired=lowest
DefaultDirName={userpf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
OutputDir=..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; PySide6 6.x runs on 64-bit Windows 10 and later only.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=yes
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppZh}（{#AppName}）
ShowLanguageDialog=no
CloseApplications=yes

[Languages]
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "zh"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
Name: "zh"; MessagesFile: "compiler:Default.isl"
#endif

#if !FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
[Messages]
; The pages and buttons a reviewer sees in a normal install and uninstall.
SetupAppTitle=安装
SetupWindowTitle=安装 - %1
UninstallAppTitle=卸载
UninstallAppFullTitle=卸载 %1
ButtonBack=< 上一步(&B)
ButtonNext=下一步(&N) >
ButtonInstall=安装(&I)
ButtonOK=确定
ButtonCancel=取消
ButtonYes=是(&Y)
ButtonYesToAll=全是(&A)
ButtonNo=否(&N)
ButtonNoToAll=全否(&O)
ButtonFinish=完成(&F)
ButtonBrowse=浏览(&R)...
ButtonWizardBrowse=浏览(&R)...
ButtonNewFolder=新建文件夹(&M)
ExitSetupTitle=退出安装
ExitSetupMessage=安装尚未完成。如果现在退出，程序将不会被安装。%n%n您可以以后再运行安装程序完成安装。%n%n确定退出安装吗？
WizardWelcome=欢迎
WelcomeLabel1=欢迎使用 [name] 安装向导
WelcomeLabel2=将在您的电脑上安装 [name/ver]。%n%n安装只针对当前用户，不需要管理员权限，也不需要联网。
WizardSelectDir=选择安装位置
SelectDirDesc=[name] 要安装到哪里？
SelectDirLabel3=安装程序将把 [name] 安装到下列文件夹中。
SelectDirBrowseLabel=点击“下一步”继续。如果要选择其他文件夹，请点击“浏览”。
DiskSpaceGBLabel=至少需要 [gb] GB 的可用磁盘空间。
DiskSpaceMBLabel=至少需要 [mb] MB 的可用磁盘空间。
WizardSelectTasks=选择附加任务
SelectTasksDesc=要执行哪些附加任务？
SelectTasksLabel2=请选择安装 [name] 时要执行的附加任务，然后点击“下一步”。
WizardReady=准备安装
ReadyLabel1=安装程序已准备好在您的电脑上安装 [name]。
ReadyLabel2a=点击“安装”开始安装；如需查看或修改设置，请点击“上一步”。
ReadyLabel2b=点击“安装”开始安装。
ReadyMemoDir=安装位置：
ReadyMemoTasks=附加任务：
WizardPreparing=正在准备安装
PreparingDesc=安装程序正在准备在您的电脑上安装 [name]。
WizardInstalling=正在安装
InstallingLabel=正在安装 [name]，请稍候。
StatusClosingApplications=正在关闭程序...
StatusCreateDirs=正在创建文件夹...
StatusExtractFiles=正在解压文件...
StatusCreateIcons=正在创建快捷方式...
StatusCreateIniEntries=正在写入 INI 项...
StatusCreateRegistryEntries=正在写入注册表项...
StatusRegisterFiles=正在注册文件...
StatusSavingUninstall=正在保存卸载信息...
StatusRunProgram=正在完成安装...
StatusRestartingApplications=正在重新启动程序...
StatusRollback=正在撤销更改...
FinishedHeadingLabel=[name] 安装完成
FinishedLabelNoIcons=[name] 已安装到您的电脑上。
FinishedLabel=[name] 已安装到您的电脑上，可以从“开始”菜单启动。
ClickFinish=点击“完成”退出安装程序。
RunEntryExec=运行 %1
ConfirmUninstall=确定要完全删除 %1 及其所有组件吗？（审核包、日志和自动保存的审核不会被删除。）
UninstallStatusLabel=正在从您的电脑上删除 %1，请稍候。
UninstalledAll=%1 已从您的电脑上删除。
UninstalledMost=%1 卸载完成。%n%n有些文件未能删除，可以手动删除。
SetupAlreadyRunning=安装程序已在运行。
WindowsVersionNotSupported=此程序不支持您电脑上的 Windows 版本（需要 64 位 Windows 10 或更高版本）。
#endif

[CustomMessages]
zh.AppTitle={#AppZh}
zh.AppComment=审核政府信息公开工作年度报告（离线使用）
zh.BundleFileType=政府信息公开年报审核包
zh.AssocTask=用 {#AppZh} 打开审核包（.grb 文件）
zh.DesktopTask=创建桌面快捷方式
zh.OtherTasks=附加任务：
zh.UninstallShortcut=卸载 {#AppZh}
zh.LaunchNow=立即运行 {#AppZh}

[Tasks]
Name: "assoc"; Description: "{cm:AssocTask}"; GroupDescription: "{cm:OtherTasks}"
Name: "desktopicon"; Description: "{cm:DesktopTask}"; GroupDescription: "{cm:OtherTasks}"; Flags: unchecked

[Files]
Source: "..\dist\gov-review\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; A previous version's libraries must not linger beside the new ones (Qt loads plugins by folder).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{userprograms}\{cm:AppTitle}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"
Name: "{userprograms}\{cm:UninstallShortcut}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{cm:AppTitle}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Registry]
; .grb review bundles, for this user only (HKCU\Software\Classes needs no administrator).
Root: HKCU; Subkey: "Software\Classes\.grb"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue; Tasks: assoc
Root: HKCU; Subkey: "Software\Classes\.grb\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: assoc
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:BundleFileType}"; Flags: uninsdeletekey; Tasks: assoc
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: assoc
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: assoc

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchNow}"; Flags: nowait postinstall skipifsilent
