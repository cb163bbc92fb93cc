package org.igf.bpf.benchmark;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of a run: each a value per repeat, its median and spread, its ratio to its baseline and its target. */
final class Report {

    /** EVERY_AT_MOST: judged on the worst run, not the median (a comment lost in one run is a loss). */
    enum Target { NONE, AT_LEAST, AT_MOST, EVERY_AT_MOST, RATIO_AT_LEAST }

    static final class Figure {
        final String id;
        final String what;
        final String unit;
        final List<Double> values = new ArrayList<>();
        String baseline;
        Target target = Target.NONE;
        double targetValue;

        Figure(String id, String what, String unit) {
            this.id = id;
            this.what = what;
            this.unit = unit;
        }

        double median() {
            return Stats.median(values);
        }

        double min() {
            return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        double max() {
            return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }
    }

    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> profiles = new ArrayList<>();

    Figure figure(String id, String what, String unit) {
        return figures.computeIfAbsent(id, key -> new Figure(id, what, unit));
    }

    void add(String id, String what, String unit, double value) {
        figure(id, what, unit).values.add(value);
    }

    boolean has(String id) {
        return figures.containsKey(id);
    }

    void baseline(String id, String baselineId) {
        figures.get(id).baseline = baselineId;
    }

    void target(String id, Target target, double value) {
        Figure figure = figures.get(id);
        if (figure != null) {
            figure.target = target;
            figure.targetValue = value;
        }
    }

    void note(String text) {
        notes.add(text);
    }

    void profile(String text) {
        profiles.add(text);
    }

    Double ratio(Figure figure) {
        Figure base = figure.baseline == null ? null : figures.get(figure.baseline);
        if (base == null || base.values.isEmpty() || base.median() == 0) {
            return null;
        }
        return figure.median() / base.median();
    }

    String targetText(Figure figure) {
        return switch (figure.target) {
            case NONE -> "";
            case AT_LEAST -> "≥ " + number(figure.targetValue);
            case AT_MOST -> "≤ " + number(figure.targetValue);
            case EVERY_AT_MOST -> "≤ " + number(figure.targetValue) + " in every run";
            case RATIO_AT_LEAST -> "≥ " + number(figure.targetValue) + "× " + figure.baseline;
        };
    }

    /** "met", or "MISSED by ..." (how far the median is from the target). */
    String verdict(Figure figure) {
        double median = figure.median();
        return switch (figure.target) {
            case NONE -> "";
            case AT_LEAST -> median >= figure.targetValue ? "met" : "MISSED: " + percent(1 - median / figure.targetValue) + " short";
            case AT_MOST -> median <= figure.targetValue ? "met" : "MISSED: " + percent(median / figure.targetValue - 1) + " over";
            case EVERY_AT_MOST -> figure.max() <= figure.targetValue ? "met" : "MISSED: " + number(figure.max()) + " in the worst run";
            case RATIO_AT_LEAST -> {
                Double ratio = ratio(figure);
                yield ratio != null && ratio >= figure.targetValue ? "met"
                        : "MISSED: " + (ratio == null ? "no baseline" : percent(1 - ratio / figure.targetValue) + " short");
            }
        };
    }

    List<Figure> missed() {
        return figures.values().stream().filter(f -> verdict(f).startsWith("MISSED")).toList();
    }

    String markdown(String header) {
        StringBuilder out = new StringBuilder(header).append("\n\n");
        out.append("| id | what | unit | median | spread (min–max) | n | baseline | ratio | target | verdict |\n");
        out.append("|---|---|---|---:|---|---:|---|---:|---|---|\n");
        for (Figure f : figures.values()) {
            Double ratio = ratio(f);
            out.append("| ").append(f.id).append(" | ").append(f.what).append(" | ").append(f.unit).append(" | ")
                    .append(number(f.median())).append(" | ").append(number(f.min())).append("–").append(number(f.max())).append(" | ")
                    .append(f.values.size()).append(" | ").append(f.baseline == null ? "" : f.baseline).append(" | ")
                    .append(ratio == null ? "" : String.format(Locale.ROOT, "%.2f×", ratio)).append(" | ")
                    .append(targetText(f)).append(" | ").append(verdict(f)).append(" |\n");
        }
        if (!notes.isEmpty()) {
            out.append("\nNotes:\n\n");
            notes.forEach(note -> out.append("- ").append(note).append('\n'));
        }
        if (!profiles.isEmpty()) {
            out.append("\nProfiles of the application JVM (JFR execution samples):\n\n");
            profiles.forEach(profile -> out.append(profile).append('\n'));
        }
        return out.toString();
    }

    void write(Path dir, String header, Map<String, String> machine) throws IOException {
        Files.writeString(dir.resolve("benchmark.md"), markdown(header));
        ObjectNode root = Http.JSON.createObjectNode();
        ObjectNode machineNode = root.putObject("machine");
        machine.forEach(machineNode::put);
        ArrayNode list = root.putArray("figures");
        for (Figure f : figures.values()) {
            ObjectNode node = list.addObject();
            node.put("id", f.id).put("what", f.what).put("unit", f.unit).put("median", f.median()).put("min", f.min()).put("max", f.max());
            ArrayNode values = node.putArray("values");
            f.values.forEach(values::add);
            if (f.baseline != null) {
                node.put("baseline", f.baseline);
                Double ratio = ratio(f);
                if (ratio != null) {
                    node.put("ratio", ratio);
                }
            }
            if (f.target != Target.NONE) {
                node.put("target", targetText(f)).put("verdict", verdict(f));
            }
        }
        ArrayNode notesNode = root.putArray("notes");
        notes.forEach(notesNode::add);
        ArrayNode profilesNode = root.putArray("profiles");
        profiles.forEach(profilesNode::add);
        Files.writeString(dir.resolve("benchmark.json"), Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (Math.abs(value) >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
    }
}
