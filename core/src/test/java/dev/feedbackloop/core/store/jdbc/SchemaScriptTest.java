package dev.feedbackloop.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class SchemaScriptTest {

    private static final Pattern CREATE_TABLE = Pattern.compile("CREATE TABLE IF NOT EXISTS (fl_[a-z_]+)");
    private static final Pattern TABLE_NAME = Pattern.compile("`(fl_[a-z_]+)`");

    @ParameterizedTest
    @EnumSource(JdbcDialect.class)
    void schemaScript_createsEveryTableThatTheReadmeNamesForMigrationTools(JdbcDialect dialect) throws IOException {
        Set<String> created = matches(CREATE_TABLE, dialect.schemaScript());
        String readme = Files.readString(Path.of("../README.md"));

        assertThat(matches(TABLE_NAME, readme)).isEqualTo(created).contains("fl_invitation_redemption");
    }

    private static Set<String> matches(Pattern pattern, String text) {
        var names = new TreeSet<String>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
