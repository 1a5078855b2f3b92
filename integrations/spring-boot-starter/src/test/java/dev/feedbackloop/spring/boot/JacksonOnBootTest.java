package dev.feedbackloop.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.Version;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.json.SurveyJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The starter's tests run the library on the Jackson 2 that Spring Boot's dependency management brings to an
 * application, not on the newer one the library modules are built with: the version on the class path is the one
 * that the {@code spring-boot-dependencies} POM of the build names (its path is given by the build in the system
 * property {@code feedbackloop.boot.bom}), and surveys and responses read and write there.
 */
final class JacksonOnBootTest {

    @Test
    void jacksonOnTheClassPath_isSpringBootsJackson() throws IOException {
        String bom = Files.readString(Path.of(System.getProperty("feedbackloop.boot.bom", "")));
        Matcher managed = Pattern.compile("<jackson-2-bom\\.version>([^<]+)<").matcher(bom);
        if (!managed.find()) {
            // Spring Boot 3 names Jackson 2 jackson-bom
            managed = Pattern.compile("<jackson-bom\\.version>([^<]+)<").matcher(bom);
            assertThat(managed.find()).as("Jackson 2's version in %s", System.getProperty("feedbackloop.boot.bom"))
                    .isTrue();
        }
        String boots = managed.group(1);

        assertThat(versionOf(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION)).isEqualTo(boots);
        assertThat(versionOf(com.fasterxml.jackson.core.json.PackageVersion.VERSION)).isEqualTo(boots);
        System.out.println("Jackson 2 on the class path: " + boots + " (Spring Boot's); the library is built with "
                + System.getProperty("feedbackloop.jackson.version"));
    }

    @Test
    void surveysAndResponses_readAndWriteOnIt() throws IOException {
        SurveyJson json = SurveyJson.standard();
        Survey survey;
        try (InputStream in = getClass().getResourceAsStream("/feedbackloop/surveys/onboarding-nps.json")) {
            assertThat(in).isNotNull();
            survey = json.readSurvey(in);
        }
        assertThat(json.readSurvey(json.write(survey))).isEqualTo(survey);

        Response response = Fixtures.detractor("r-1", Fixtures.START);
        assertThat(json.readResponse(json.write(response))).isEqualTo(response);
    }

    private static String versionOf(Version version) {
        return version.getMajorVersion() + "." + version.getMinorVersion() + "." + version.getPatchLevel();
    }
}
