@echo off
rem Starts assets-deploy: lib\assets-deploy.jar on the package's own runtime\ if it has one, else on
rem %JAVA_HOME%\bin\java.exe, else on the java.exe found on PATH (Java 17 or later).
rem JAVA_OPTS adds JVM options; they come last, so they override the defaults below.
setlocal
set "APP_HOME=%~dp0.."
set "JVM_OPTS=-XX:+UseSerialGC"

if exist "%APP_HOME%\runtime\bin\java.exe" (
  set "JAVA_EXE=%APP_HOME%\runtime\bin\java.exe"
  goto run
)
if not defined JAVA_HOME goto java_on_path
set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
if exist "%JAVA_EXE%" goto run
echo error: JAVA_HOME is %JAVA_HOME% but %JAVA_EXE% does not exist: point JAVA_HOME at a Java 17 or later installation, or unset it to use the java on PATH 1>&2
exit /b 3

:java_on_path
set "JAVA_EXE=java.exe"
where /q java.exe
if not errorlevel 1 goto run
echo error: no Java found: set JAVA_HOME or put java (17 or later) on PATH 1>&2
exit /b 3

:run
"%JAVA_EXE%" %JVM_OPTS% %JAVA_OPTS% -cp "%APP_HOME%\lib\assets-deploy.jar" dev.assetsdeploy.cli.Main %*
exit /b %ERRORLEVEL%
