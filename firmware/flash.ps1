# Flash a board with the nanoFramework firmware its hardware profile names, then deploy the WasmBox.Nano
# application and, optionally, its provisioning files. Windows twin of firmware/flash; see firmware/README.md.
#
#   firmware\flash.ps1 --profile hw-profiles\esp32-devkitc.json [--port COM3] [--image APP.bin]
#                      [--provisioning DIR] [--address 0x...] [--dfu] [--dry-run]
#
# --dry-run prints the exact commands (one per line, '#' lines are notes) and runs nothing.
$ErrorActionPreference = 'Stop'
$here = $PSScriptRoot
$repo = Split-Path -Parent $here
$usage = 'usage: firmware\flash.ps1 --profile PROFILE.json|ID [--port PORT] [--image APP.bin] [--provisioning DIR] [--address 0xADDR] [--dfu] [--dry-run]'

function Fail([string]$message) {
    [Console]::Error.WriteLine("flash: error: $message")
    exit 2
}

$profilePath = ''; $port = ''; $image = ''; $provisioning = ''; $address = ''; $stm32Link = '--jtag'; $dryRun = $false
for ($i = 0; $i -lt $args.Count; $i++) {
    $arg = [string]$args[$i]
    switch ($arg) {
        { $_ -in '--profile', '--port', '--image', '--provisioning', '--address' } {
            if ($i + 1 -ge $args.Count) { Fail "$arg needs a value" }
            $value = [string]$args[++$i]
            switch ($arg) {
                '--profile' { $profilePath = $value }
                '--port' { $port = $value }
                '--image' { $image = $value }
                '--provisioning' { $provisioning = $value }
                '--address' { $address = $value }
            }
        }
        '--dfu' { $stm32Link = '--dfu' }
        '--dry-run' { $dryRun = $true }
        { $_ -in '-h', '--help' } { Write-Output $usage; exit 0 }
        default { Fail "unknown argument '$arg'`n$usage" }
    }
}
if (-not $profilePath) { Fail "--profile is required`n$usage" }
if (-not $profilePath.EndsWith('.json')) { $profilePath = Join-Path (Join-Path $repo 'hw-profiles') "$profilePath.json" }
if (-not (Test-Path -LiteralPath $profilePath -PathType Leaf)) { Fail "no profile file $profilePath" }
if ($address -and $address -notmatch '^0x[0-9A-Fa-f]+$') { Fail "--address must be hexadecimal like 0x1B0000, not '$address'" }

try {
    $p = Get-Content -LiteralPath $profilePath -Raw -Encoding UTF8 | ConvertFrom-Json
} catch {
    Fail "$profilePath is not a readable JSON profile: $($_.Exception.Message)"
}
function Need([string]$name) {
    $value = $p.$name
    if (-not ($value -is [string]) -or -not $value) { Fail "${profilePath}: $name must be a non-empty string" }
    return $value
}
$id = Need 'id'
$target = Need 'nanoffTarget'
if ($target -notmatch '^[A-Za-z0-9_]+$') { Fail "${profilePath}: nanoffTarget '$target' is not a target name" }
$network = Need 'network'
if ($network -notin 'wifi', 'ethernet', 'none') { Fail "${profilePath}: network '$network' is not wifi, ethernet or none" }
$drive = if ($p.storage -and $p.storage.drive) { [string]$p.storage.drive } else { '-' }

if ($target -like 'ESP32*' -or $target -like 'ESP_*') { $family = 'esp32' }
elseif ($target -like 'ST_*' -or $target -like 'ORGPAL_*') { $family = 'stm32' }
else { Fail "${profilePath}: cannot tell whether $target is an ESP32 or an STM32 target" }

# The application that fits: ESP32 on Wi-Fi, STM32 on Ethernet. A board without a network gets none.
$app = ''
if ($family -eq 'esp32' -and $network -eq 'wifi') { $app = 'Esp32' }
if ($family -eq 'stm32' -and $network -eq 'ethernet') { $app = 'Stm32' }
if (-not $image -and $app) { $image = [IO.Path]::Combine($here, $app, 'bin', 'Release', 'WasmBox.Nano.Firmware.bin') }

if (-not $port -and ($family -eq 'esp32' -or $image -or $provisioning)) {
    if (-not $dryRun) { Fail "--port is required for $id (the board's serial port, e.g. COM3; list them with nanoff --listports)" }
    $port = '<PORT>'
}

$commands = New-Object System.Collections.ArrayList
function Add([string[]]$words) { [void]$commands.Add([pscustomobject]@{ Words = $words; Note = $null }) }
function Note([string]$text) { [void]$commands.Add([pscustomobject]@{ Words = $null; Note = "# $text" }) }
# Words as a person would type them; <PORT> stays readable in a dry run without --port.
function Quote([string]$word) {
    if ($word -match '^[A-Za-z0-9_./:=@%+,\\-]+$' -or $word -eq '<PORT>') { return $word }
    return "'" + $word.Replace("'", "''") + "'"
}

if (Get-Command nanoff -ErrorAction SilentlyContinue) { Add @('dotnet', 'tool', 'update', '--global', 'nanoff') }
else { Add @('dotnet', 'tool', 'install', '--global', 'nanoff') }

if ($family -eq 'esp32') { Add @('nanoff', '--target', $target, '--serialport', $port, '--update') }
else { Add @('nanoff', '--target', $target, '--update', $stm32Link) }

if ($image) {
    if (-not $dryRun -and -not (Test-Path -LiteralPath $image -PathType Leaf)) {
        Fail "no application image ${image}: build firmware\$app\WasmBox.Nano.Firmware.$app.nfproj (Release) after wbx firmware-config --profile $id -o firmware\BoardConfig.cs, or pass --image"
    }
    $addressArgs = if ($address) { @('--address', $address) } else { @() }
    if ($family -eq 'esp32') { Add (@('nanoff', '--target', $target, '--serialport', $port, '--deploy', '--image', $image) + $addressArgs) }
    # The nanoCLR on the board reports its own deployment region, so no flash address is needed.
    else { Add (@('nanoff', '--nanodevice', '--serialport', $port, '--deploy', '--image', $image) + $addressArgs) }
} else {
    Note "no WasmBox.Nano application fits $id (network: $network); pass --image to deploy an application of your own"
}

$deployJson = $null
if ($provisioning) {
    foreach ($f in 'provisioning.json', 'tenants.json') {
        if (-not $dryRun -and -not (Test-Path -LiteralPath (Join-Path $provisioning $f) -PathType Leaf)) {
            Fail "no $(Join-Path $provisioning $f) (see firmware\provisioning.example.json)"
        }
    }
    if ($drive -eq 'I:') {
        $tempDir = if ($env:TEMP) { $env:TEMP } else { [IO.Path]::GetTempPath() }
        $deployFile = Join-Path $tempDir "wbx-filedeployment-$id.json"
        $source = if (Test-Path -LiteralPath $provisioning) { (Resolve-Path -LiteralPath $provisioning).Path } else { $provisioning }
        $files = @('provisioning.json', 'tenants.json') | ForEach-Object {
            [ordered]@{ DestinationFilePath = "I:\wbx\$_"; SourceFilePath = (Join-Path $source $_) }
        }
        $deployJson = ConvertTo-Json -Compress -Depth 4 ([ordered]@{ SerialPort = $port; Files = @($files) })
        Note "${deployFile}: $deployJson"
        Add @('nanoff', '--filedeployment', $deployFile)
    } else {
        Note "$id keeps its files on the SD card: copy provisioning.json and tenants.json from $provisioning to $drive\wbx\ on the card"
    }
}

foreach ($c in $commands) {
    $line = if ($c.Note) { $c.Note } else { ($c.Words | ForEach-Object { Quote $_ }) -join ' ' }
    if ($dryRun) { Write-Output $line; continue }
    if ($c.Note) { Write-Output $line; continue }
    Write-Output "+ $line"
    if ($deployJson -and $c.Words[1] -eq '--filedeployment') { Set-Content -LiteralPath $deployFile -Value $deployJson -Encoding UTF8 }
    $exe = $c.Words[0]
    $rest = @($c.Words | Select-Object -Skip 1)
    & $exe @rest
    if ($LASTEXITCODE -ne 0) { Fail "$exe exited with $LASTEXITCODE" }
}
