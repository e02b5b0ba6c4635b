package dev.ds.chaos;

/**
 * The chaos runner's command line ({@code scripts/chaos.sh}, chaos/README.md). Prints the summary
 * and exits 0 when every check passed, 1 on a violation, 2 when a check could not decide.
 */
public final class ChaosMain {

    private ChaosMain() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("chaos: " + e.getMessage());
            System.exit(64);
            return;
        }
        ChaosRunner.Result result = ChaosRunner.run(options);
        System.out.println(result.summary());
        System.exit(result.exitCode());
    }
}
