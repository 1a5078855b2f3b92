package dev.feedbackloop.examples.webapp;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs browser tests where Chromium and its driver are installed ({@code apt-get install chromium chromium-driver});
 * skips them elsewhere, except on CI ({@code CI=true}), where they run and fail.
 */
final class ChromiumPresent implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        boolean present = Files.isExecutable(Path.of(Browser.DRIVER))
                && Files.isExecutable(Path.of(Browser.CHROMIUM));
        if (present || "true".equals(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed, or this is CI");
        }
        return ConditionEvaluationResult.disabled("no " + Browser.DRIVER
                + ": apt-get install chromium chromium-driver");
    }
}
