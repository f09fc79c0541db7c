; Inno Setup 6 script: the campus app's Windows installer (per-machine, French).
;
; Build on Windows, from the repository root, after `make bundle` (or the same pyinstaller command) has produced
; dist\gn-desktop\ with gn-desktop.exe (no console window) and gn-desktop-cli.exe (console: --version, --self-test,
; kiosk-pin, import/export) — see installer\gn-desktop.spec:
;
;     iscc /DAppVersion=0.1.0 installer\windows\gn-desktop.iss      ->  dist\gn-desktop-setup-0.1.0.exe
;
; The program goes to Program Files (read-only for users); each Windows account keeps its campus data in its own
; %LOCALAPPDATA%\LeGrandNumerique\gn-desktop (gn_desktop/paths.py). Uninstalling leaves that data in place.
; An upgrade is installing the newer setup over the old one: the database is migrated at the next start, after a
; backup copy (campus.db.bak-<revision>-<date>, beside it).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Le Grand Numérique"
#define AppExe "gn-desktop.exe"

[Setup]
; Never change AppId: it is how a newer version finds and replaces this one.
AppId={{6B0F3C52-8D2E-4F6A-9C1B-7E4D2A9F5C31}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Le Grand Numérique
; Per-machine: needs an administrator, installs for every account of the PC.
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; No accent in the folder name: the kiosk's Shell Launcher profile (installer\kiosk\kiosk-shell-launcher.xml) points to
; "%ProgramFiles%\Le Grand Numerique\gn-desktop.exe".
DefaultDirName={autopf}\Le Grand Numerique
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\{#AppExe}
OutputDir=..\..\dist
OutputBaseFilename=gn-desktop-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; Close a running gn-desktop before replacing its files (upgrade).
CloseApplications=yes

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
; Off by default: only for a PC used as the self-service kiosk. It starts the kiosk when ANY account signs in; to lock
; the PC down for visitors (no desktop, no task bar), also follow installer\kiosk\README.md (Assigned Access).
Name: "kiosk"; Description: "Démarrer la borne d'accueil (mode kiosque, plein écran) à l'ouverture de session"; GroupDescription: "Poste borne d'accueil :"; Flags: unchecked

[Files]
; The whole PyInstaller folder, as built: Python, Qt and the app need nothing else on the PC.
Source: "..\..\dist\gn-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; Files of the previous version that the new bundle may no longer contain (libraries are versioned by folder).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Accompagnement des personnes (conseillers)"
Name: "{group}\{#AppName} — borne d'accueil"; Filename: "{app}\{#AppExe}"; Parameters: "--kiosk"; Comment: "Borne d'accueil en libre-service, plein écran"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon
; "start in kiosk mode at sign-in": a shortcut in the Startup folder common to all accounts.
Name: "{commonstartup}\{#AppName} — borne d'accueil"; Filename: "{app}\{#AppExe}"; Parameters: "--kiosk"; Tasks: kiosk

[Run]
; A quick check that the installed program starts on this PC (offscreen, no window): its report is in the log.
Filename: "{app}\gn-desktop-cli.exe"; Parameters: "--version"; Flags: runhidden waituntilterminated
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent unchecked
