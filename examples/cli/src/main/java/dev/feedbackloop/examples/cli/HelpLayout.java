package dev.feedbackloop.examples.cli;

import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine;

/**
 * The layout of {@code --help}: picocli's sections, with lines broken only at spaces. (Picocli breaks lines wherever
 * the JDK's line break iterator allows, which includes after any hyphen or dot: inside {@code --csat-scale},
 * {@code .ndjson} or {@code 2024-03-05}.) The description, the parameter, option and command lists and the footer
 * are laid out here, in {@value #WIDTH} columns; a footer line that starts with a space (an example) is kept as
 * written. {@code %%} in a text is a percent sign, as in picocli.
 *
 * <p>Stateless; {@link #install} configures a command line once.
 */
final class HelpLayout {

    /** The width of the help text, as picocli's default. */
    static final int WIDTH = 80;
    /** Where descriptions start in the lists, unless the names are longer. */
    private static final int MAX_NAMES_WIDTH = 28;

    private HelpLayout() {
    }

    /** Replaces the sections of the command's help and of each of its subcommands named in {@code subcommands}. */
    static void install(CommandLine cli, List<String> subcommands) {
        List<CommandLine> commands = new ArrayList<>();
        commands.add(cli);
        subcommands.forEach(name -> commands.add(cli.getSubcommands().get(name)));
        for (CommandLine command : commands) {
            Map<String, CommandLine.IHelpSectionRenderer> sections = command.getHelpSectionMap();
            sections.put(UsageMessageSpec.SECTION_KEY_DESCRIPTION,
                    help -> paragraphs(help.commandSpec().usageMessage().description()));
            sections.put(UsageMessageSpec.SECTION_KEY_PARAMETER_LIST,
                    help -> list(help.commandSpec(), help.commandSpec().positionalParameters()));
            sections.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST,
                    help -> list(help.commandSpec(), help.commandSpec().options()));
            sections.put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, HelpLayout::commands);
            sections.put(UsageMessageSpec.SECTION_KEY_FOOTER,
                    help -> paragraphs(help.commandSpec().usageMessage().footer()));
            command.setHelpSectionMap(sections);
        }
    }

    /** Lines of text: each wrapped at spaces, except those starting with a space, which are kept as written. */
    static String paragraphs(String[] lines) {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            String text = format(line);
            if (text.startsWith(" ")) {
                sb.append(text).append('\n');
            } else {
                wrap(sb, text, 0, 0);
            }
        }
        return sb.toString();
    }

    /**
     * Parameters or options, each as its names then its description, in declaration order; descriptions start in
     * the same column in both lists.
     */
    private static String list(CommandSpec spec, List<? extends ArgSpec> args) {
        List<String> names = new ArrayList<>();
        List<ArgSpec> shown = new ArrayList<>();
        for (ArgSpec arg : args) {
            if (!arg.hidden()) {
                shown.add(arg);
                names.add(names(arg));
            }
        }
        int column = 0;
        for (ArgSpec arg : spec.args()) {
            if (!arg.hidden()) {
                column = Math.max(column, Math.min(names(arg).length() + 2, MAX_NAMES_WIDTH));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shown.size(); i++) {
            String name = names.get(i);
            String description = format(String.join(" ", shown.get(i).description()));
            if (name.length() + 2 > column) {
                sb.append(name).append('\n');
                wrap(sb, description, column, 0);
            } else {
                sb.append(name);
                wrap(sb, description, column, name.length());
            }
        }
        return sb.toString();
    }

    /** The names column of an option ({@code "  -h, --help"}, {@code "      --nps=COL"}) or a parameter. */
    private static String names(ArgSpec arg) {
        if (!(arg instanceof OptionSpec)) {
            return "  " + arg.paramLabel();
        }
        OptionSpec option = (OptionSpec) arg;
        String shortName = null;
        String longName = null;
        for (String name : option.names()) {
            if (name.startsWith("--") || name.length() > 2) {
                longName = longName == null ? name : longName;
            } else {
                shortName = shortName == null ? name : shortName;
            }
        }
        StringBuilder sb = new StringBuilder("  ");
        sb.append(shortName == null ? "    " : shortName + (longName == null ? "  " : ", "));
        if (longName != null) {
            sb.append(longName);
        }
        if (option.arity().max() > 0) {
            sb.append('=').append(option.paramLabel());
        }
        return sb.toString();
    }

    private static String commands(Help help) {
        Map<String, Help> subcommands = help.subcommands();
        int column = 0;
        for (String name : subcommands.keySet()) {
            column = Math.max(column, Math.min(name.length() + 4, MAX_NAMES_WIDTH));
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Help> entry : subcommands.entrySet()) {
            String name = "  " + entry.getKey();
            String description = format(String.join(" ",
                    entry.getValue().commandSpec().usageMessage().description()));
            sb.append(name);
            wrap(sb, description, column, name.length());
        }
        return sb.toString();
    }

    /** {@code %%} to {@code %}, as picocli formats help texts; a text that is not a format string is kept. */
    private static String format(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        try {
            return String.format(Locale.ROOT, text);
        } catch (IllegalFormatException e) {
            return text;
        }
    }

    /**
     * Appends text broken at spaces into lines of at most {@link #WIDTH} columns (a longer word gets a line of its
     * own), after the {@code written} columns already on the current line; lines start at column {@code indent}.
     */
    private static void wrap(StringBuilder sb, String text, int indent, int written) {
        int lineLength = written;
        if (lineLength < indent) {
            sb.append(" ".repeat(indent - lineLength));
            lineLength = indent;
        }
        boolean lineEmpty = true;
        for (String word : text.trim().split(" +")) {
            if (!lineEmpty && lineLength + 1 + word.length() > WIDTH) {
                sb.append('\n').append(" ".repeat(indent));
                lineLength = indent;
                lineEmpty = true;
            } else if (!lineEmpty) {
                sb.append(' ');
                lineLength++;
            }
            sb.append(word);
            lineLength += word.length();
            lineEmpty = false;
        }
        sb.append('\n');
    }
}
