package dev.feedbackloop.spring.boot;

import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.json.SurveyJson;
import dev.feedbackloop.survey.json.SurveyJsonException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.AntPathMatcher;

/**
 * Reads the survey definitions at {@code feedbackloop.surveys.locations}. A location with a pattern may match
 * nothing; one without must exist. A file that is not a valid survey fails the start, naming the file.
 */
final class SurveyFiles {

    private static final Logger LOG = LoggerFactory.getLogger(SurveyFiles.class);
    private static final AntPathMatcher PATTERNS = new AntPathMatcher();

    private SurveyFiles() {
    }

    /** A survey and the file it was read from. */
    record Found(Survey survey, String source) {
    }

    /**
     * Reads every survey at the locations, in the order of the locations and by file name within one.
     *
     * @param resolver the application's resource resolver
     * @param locations the locations
     * @return the surveys, with their files
     * @throws IllegalStateException if a location without a pattern does not exist, or a file cannot be read or is
     *                               not a valid survey
     */
    static List<Found> read(ResourcePatternResolver resolver, List<String> locations) {
        SurveyJson json = SurveyJson.standard();
        var surveys = new ArrayList<Found>();
        for (String location : locations) {
            Resource[] found;
            try {
                found = resolver.getResources(location);
            } catch (IOException e) {
                throw new IllegalStateException("feedbackloop.surveys.locations: cannot list " + location, e);
            }
            Arrays.sort(found, Comparator.comparing(resource -> Objects.toString(resource.getFilename(), "")));
            boolean pattern = PATTERNS.isPattern(location);
            for (Resource resource : found) {
                if (!resource.exists()) {
                    if (pattern) {
                        continue;
                    }
                    throw new IllegalStateException("feedbackloop.surveys.locations: " + location
                            + " does not exist");
                }
                surveys.add(new Found(read(json, resource), resource.getDescription()));
            }
            LOG.debug("{} survey file(s) at {}", found.length, location);
        }
        return surveys;
    }

    private static Survey read(SurveyJson json, Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return json.readSurvey(in);
        } catch (IOException e) {
            throw new IllegalStateException("feedbackloop.surveys.locations: cannot read "
                    + resource.getDescription(), e);
        } catch (SurveyJsonException e) {
            throw new IllegalStateException("feedbackloop.surveys.locations: " + resource.getDescription()
                    + " is not a valid survey: " + e.getMessage(), e);
        }
    }
}
