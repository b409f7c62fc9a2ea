@REM Build Your Own Axon: short forms of the kit's commands (see kit help, or README.adoc).
@REM Each one runs mvnw.cmd with its long form; options after the stage go on to Maven.
@echo off
setlocal
cd /d "%~dp0"
set "command=%~1"
if "%command%"=="" set "command=help"
set "stage="
set "n=%~2"
if not "%n%"=="" if not "%n:~0,1%"=="-" set "stage=-Dstage=%n%"
if not "%stage%"=="" (shift & shift) else (shift)
set "rest="
:collect
if "%~1"=="" goto run
set "rest=%rest% %1"
shift
goto collect
:run
if /i "%command%"=="test" ( call mvnw.cmd -q test %stage% %rest% & goto end )
if /i "%command%"=="watch" ( call mvnw.cmd -q -pl tools compile exec:java@watch %stage% %rest% & goto end )
if /i "%command%"=="hint" ( call mvnw.cmd -q -pl tools compile exec:java@hint %stage% %rest% & goto end )
if /i "%command%"=="reset" goto needstage
if /i "%command%"=="catch-up" goto needstage
if /i "%command%"=="solutions" ( call mvnw.cmd -q test -Dkit=solutions %rest% & goto end )
if /i "%command%"=="handbook" goto handbook
if /i "%command%"=="help" goto usage
echo kit: unknown command '%command%'. 1>&2
goto usage
:handbook
call mvnw.cmd -q -pl src-docs -am package -Dhandbook.htmlOnly %stage% %rest%
if not errorlevel 1 echo The handbook: open src-docs\target\handbook\index.html in a browser.
goto end
:needstage
if "%stage%"=="" ( echo kit %command% needs the stage: for example kit %command% 4. 1>&2 & exit /b 2 )
call mvnw.cmd -q -pl tools compile exec:java@%command% %stage% %rest%
goto end
:usage
echo Usage: kit COMMAND [STAGE] [MAVEN OPTIONS]
echo.
echo   test [N]     grade stages 1 to N of exercises\ (all stages without N)
echo   watch [N]    grade again each time you save, in about a second; Ctrl-C stops it
echo   hint [N]     the next hint (for the first unfinished stage without N)
echo   reset N      put stage N's places back as they were at the start (backed up first)
echo   catch-up N   the reference code for stages 1 to N-1, your own code kept
echo   solutions    grade the reference solution instead of your work
echo   handbook     build the handbook's pages (hints folded) and say where to open them
echo   help         this list
echo.
echo Each is a short form of a mvnw.cmd command: README.adoc lists them.
:end
endlocal & exit /b %ERRORLEVEL%
