package dev.feedbackloop.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import com.fasterxml.jackson.module.scala.DefaultScalaModule$;
import dev.feedbackloop.scoring.export.ExportFormat;
import dev.feedbackloop.scoring.export.ExportReader;
import dev.feedbackloop.survey.NpsQuestion;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.json.SurveyJson;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What this module pulls from the scoring and survey-model modules works on the Jackson that Spark brings (the
 * test classpath has Spark's Jackson, not the project's, see the module's POM).
 */
final class SparkJacksonTest {

    @Test
    void classpathJackson_isTheOneSparksScalaModuleWasBuiltFor() {
        ObjectMapper mapper = new ObjectMapper();

        mapper.registerModule(DefaultScalaModule$.MODULE$);

        assertThat(PackageVersion.VERSION.toString())
                .isEqualTo(DefaultScalaModule$.MODULE$.version().toString());
    }

    @Test
    void surveyJson_roundTripsOnSparksJackson() {
        Survey survey = Survey.builder("relationship", 1).title("How are we doing?")
                .question(NpsQuestion.standard("nps")).build();
        SurveyJson json = SurveyJson.standard();

        String written = json.write(survey);

        assertThat(json.write(json.readSurvey(written))).isEqualTo(written);
    }

    @Test
    void jsonLinesExport_readsOnSparksJackson() {
        String lines = "{\"nps\": 9, \"plan\": \"pro\"}\n{\"nps\": null}\n{\"nps\": \"10\"}\n";
        List<Integer> ratings = new ArrayList<>();
        try (ExportReader reader = ExportReader.of(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)),
                "test.jsonl", ExportFormat.JSON_LINES, List.of())) {
            reader.read(List.of("nps"), row -> ratings.add(row.integer(0)));
        }

        assertThat(ratings).hasSize(3).startsWith(9).endsWith(10);
    }
}
