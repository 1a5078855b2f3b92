package dev.feedbackloop.examples.demo;

import java.nio.file.Path;

/** Placeholder. */
final class HtmlReport {

    private HtmlReport() {
    }

    static void write(Findings findings, Path file) {
    }
}
