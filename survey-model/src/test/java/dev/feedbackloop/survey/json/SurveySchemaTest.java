package dev.feedbackloop.survey.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.feedbackloop.survey.TestSurveys;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped JSON Schema accepts every example survey and what the library writes, and rejects bad shapes. */
final class SurveySchemaTest {

    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SurveySchemaTest.class.getResourceAsStream("/dev/feedbackloop/survey/json/survey.schema.json"));

    static Stream<String> examples() {
        return SurveyJsonTest.EXAMPLES.stream();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleSurvey_isValidAgainstTheSchema(String name) {
        List<Error> errors = SCHEMA.validate(SurveyJsonTest.resource("examples/" + name + ".json"), InputFormat.JSON);

        assertThat(errors).isEmpty();
    }

    @Test
    void writtenSurvey_isValidAgainstTheSchema() {
        String json = SurveyJson.standard().write(TestSurveys.support());

        assertThat(SCHEMA.validate(json, InputFormat.JSON)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\":\"s\",\"version\":1,\"title\":\"S\"}",
        "{\"id\":\"s\",\"version\":0,\"title\":\"S\",\"questions\":[]}",
        "{\"id\":\"bad id\",\"version\":1,\"title\":\"S\",\"questions\":[]}",
        "{\"id\":\"s\",\"version\":1,\"title\":\"S\",\"questions\":[],\"extra\":true}",
        "{\"id\":\"s\",\"version\":1,\"title\":\" \",\"questions\":[]}",
        "{\"id\":\"s\",\"version\":1,\"title\":\"S\",\"questions\":[{\"type\":\"smiley\",\"id\":\"q\",\"prompt\":\"P\"}]}",
        "{\"id\":\"s\",\"version\":1,\"title\":\"S\",\"questions\":[{\"type\":\"nps\",\"id\":\"q\",\"prompt\":\"P\",\"kind\":\"csat\"}]}",
        "{\"id\":\"s\",\"version\":1,\"title\":\"S\",\"questions\":[{\"type\":\"rating\",\"id\":\"q\",\"prompt\":\"P\",\"kind\":\"csat\","
                + "\"scale\":{\"min\":1,\"max\":12}}]}",
        "{\"id\":\"s\",\"version\":1,\"title\":\"S\",\"questions\":[{\"type\":\"choice\",\"id\":\"q\",\"prompt\":\"P\",\"options\":[]}]}",
        "{\"id\":\"s\",\"version\":1,\"title\":\"S\",\"questions\":[{\"type\":\"text\",\"id\":\"q\",\"prompt\":\"P\","
                + "\"condition\":{\"type\":\"atLeast\",\"question\":\"x\",\"value\":\"7\"}}]}",
        "{\"id\":\"s\",\"version\":1,\"title\":\"S\",\"questions\":[{\"type\":\"text\",\"id\":\"q\",\"prompt\":\"P\","
                + "\"condition\":{\"type\":\"all\",\"conditions\":[]}}]}"
    })
    void badShape_isRejectedByTheSchemaAndTheLibrary(String json) {
        assertThat(SCHEMA.validate(json, InputFormat.JSON)).isNotEmpty();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> SurveyJson.standard().readSurvey(json)))
                .isInstanceOf(SurveyJsonException.class);
    }
}
