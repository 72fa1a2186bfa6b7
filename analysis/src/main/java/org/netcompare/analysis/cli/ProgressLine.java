package org.netcompare.analysis.cli;

import java.io.PrintWriter;

/**
 * One status line on a terminal, rewritten in place with a carriage return and redrawn at most
 * every {@value #INTERVAL_MILLIS} ms so that printing never costs noticeable time.
 */
final class ProgressLine {

    private static final long INTERVAL_MILLIS = 200;

    private final PrintWriter err;
    private long lastDrawn;
    private int width;

    ProgressLine(PrintWriter err) {
        this.err = err;
    }

    /** Shows {@code text} unless the previous line is younger than the redraw interval. */
    void update(String text) {
        long now = System.currentTimeMillis();
        if (now - lastDrawn < INTERVAL_MILLIS) {
            return;
        }
        lastDrawn = now;
        draw(text);
    }

    /** Shows {@code text} and ends the line, so the next output starts below it. */
    void finish(String text) {
        draw(text);
        err.println();
        err.flush();
        width = 0;
        lastDrawn = 0;
    }

    private void draw(String text) {
        // pad with spaces to wipe the rest of a longer previous line
        err.print('\r' + text + " ".repeat(Math.max(0, width - text.length())));
        err.flush();
        width = text.length();
    }
}
