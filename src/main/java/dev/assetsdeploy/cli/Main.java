package dev.assetsdeploy.cli;

/** Entry point of the packaged jar. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(AssetsDeploy.execute(AssetsDeploy.newCommandLineFor(Environment.system(), args), args));
    }
}
