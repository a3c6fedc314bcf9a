package org.adaptivesparse.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small inline-SVG line chart: axes with tick labels, axis titles, a title, a legend, optional
 * shaded horizontal bands. No script, fonts or external resources, so a report stays one file.
 */
public final class SvgChart {
    private static final int WIDTH = 560;
    private static final int HEIGHT = 310;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 78;
    /** Above this many points a series is thinned, to keep the report light. */
    private static final int MAX_POINTS = 1200;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();
    private boolean percent;

    private record Series(String name, String color, double[] x, double[] y, boolean dashed) {
    }

    private record Band(double lo, double hi, String label, String color) {
    }

    private record Area(String label, String color, double[] x, double[] lo, double[] hi) {
    }

    private final List<Area> areas = new ArrayList<>();

    private record Whisker(String color, double x, double y, double xlo, double xhi, double ylo, double yhi) {
    }

    private record Note(double x, double y, String text, String color, boolean ring) {
    }

    private final List<Whisker> whiskers = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();

    private SvgChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** A new line chart. */
    public static SvgChart line(String title, String xLabel, String yLabel) {
        return new SvgChart(title, xLabel, yLabel);
    }

    /** Adds a solid series; NaN points leave a gap. */
    public SvgChart series(String name, String color, double[] x, double[] y) {
        series.add(new Series(name, color, x, y, false));
        return this;
    }

    /** Adds a dashed series, for reference lines such as a target. */
    public SvgChart dashedSeries(String name, String color, double[] x, double[] y) {
        series.add(new Series(name, color, x, y, true));
        return this;
    }

    /** Shades the horizontal band between {@code lo} and {@code hi}, listed in the legend as {@code label}. */
    public SvgChart band(double lo, double hi, String label, String color) {
        bands.add(new Band(lo, hi, label, color));
        return this;
    }

    /**
     * Shades the area between two curves over the same x, such as the min–max of a figure over seeds;
     * an empty label keeps it out of the legend.
     */
    public SvgChart area(String label, String color, double[] x, double[] lo, double[] hi) {
        areas.add(new Area(label, color, x, lo, hi));
        return this;
    }

    /**
     * Draws thin error bars through the point ({@code x}, {@code y}): horizontally from {@code xlo} to
     * {@code xhi}, vertically from {@code ylo} to {@code yhi}, such as a figure's min–max over seeds.
     */
    public SvgChart whisker(String color, double x, double y, double xlo, double xhi, double ylo, double yhi) {
        whiskers.add(new Whisker(color, x, y, xlo, xhi, ylo, yhi));
        return this;
    }

    /** Writes {@code text} beside the point ({@code x}, {@code y}); {@code ring} also circles the point. */
    public SvgChart note(double x, double y, String text, String color, boolean ring) {
        notes.add(new Note(x, y, text, color, ring));
        return this;
    }

    /** Labels y ticks as percentages (values are ratios). */
    public SvgChart percentY() {
        this.percent = true;
        return this;
    }

    /** True when no series has a finite point. */
    public boolean isEmpty() {
        return series.stream().noneMatch(s -> {
            for (int i = 0; i < Math.min(s.x.length, s.y.length); i++) {
                if (Double.isFinite(s.x[i]) && Double.isFinite(s.y[i])) {
                    return true;
                }
            }
            return false;
        });
    }

    /** The chart as an {@code <svg>} element. */
    public String render() {
        double[] xr = range(true);
        double[] yr = range(false);
        for (Band b : bands) {
            yr = new double[] {Math.min(yr[0], b.lo), Math.max(yr[1], b.hi)};
        }
        yr = pad(yr);
        double[] xt = ticks(xr[0], xr[1], 6);
        if (integerX() && xt.length > 1 && xt[1] - xt[0] < 1) {
            xt = ticks(xr[0], xr[1], (int) Math.max(1, Math.round(xr[1] - xr[0])));
        }
        double[] yt = ticks(yr[0], yr[1], 5);
        if (yt.length > 1) {
            yr = new double[] {Math.min(yr[0], yt[0]), Math.max(yr[1], yt[yt.length - 1])};
        }
        final double[] fx = xr;
        final double[] fy = yr;
        int pw = WIDTH - LEFT - RIGHT;
        int ph = HEIGHT - TOP - BOTTOM;
        java.util.function.DoubleUnaryOperator sx = v -> LEFT + (fx[1] == fx[0] ? pw / 2.0 : (v - fx[0]) / (fx[1] - fx[0]) * pw);
        java.util.function.DoubleUnaryOperator sy = v -> TOP + ph - (fy[1] == fy[0] ? ph / 2.0 : (v - fy[0]) / (fy[1] - fy[0]) * ph);

        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(Templates.escape(title)).append("\">");
        s.append("<title>").append(Templates.escape(title)).append("</title>");
        s.append("<text class=\"chart-title\" x=\"").append(LEFT).append("\" y=\"22\">").append(Templates.escape(title))
                .append("</text>");
        for (Band b : bands) {
            double top = sy.applyAsDouble(Math.min(fy[1], b.hi));
            double bottom = sy.applyAsDouble(Math.max(fy[0], b.lo));
            s.append("<rect x=\"").append(LEFT).append("\" y=\"").append(n(top)).append("\" width=\"").append(pw)
                    .append("\" height=\"").append(n(Math.max(0, bottom - top))).append("\" fill=\"").append(Templates.escape(b.color))
                    .append("\" fill-opacity=\"0.15\"/>");
        }
        for (Area a : areas) {
            StringBuilder d = new StringBuilder();
            int len = Math.min(a.x.length, Math.min(a.lo.length, a.hi.length));
            for (int i = 0; i < len; i++) {
                d.append(d.length() == 0 ? "M" : " L").append(n(sx.applyAsDouble(a.x[i]))).append(' ')
                        .append(n(sy.applyAsDouble(a.hi[i])));
            }
            for (int i = len - 1; i >= 0; i--) {
                d.append(" L").append(n(sx.applyAsDouble(a.x[i]))).append(' ').append(n(sy.applyAsDouble(a.lo[i])));
            }
            if (len > 0) {
                s.append("<path fill=\"").append(Templates.escape(a.color)).append("\" fill-opacity=\"0.15\" stroke=\"none\" d=\"")
                        .append(d).append(" Z\"/>");
            }
        }
        for (Whisker w : whiskers) {
            String stroke = "\" stroke=\"" + Templates.escape(w.color) + "\" stroke-width=\"1.2\" stroke-opacity=\"0.7\"/>";
            if (Double.isFinite(w.xlo) && Double.isFinite(w.xhi) && Double.isFinite(w.y)) {
                s.append("<line x1=\"").append(n(sx.applyAsDouble(w.xlo))).append("\" x2=\"").append(n(sx.applyAsDouble(w.xhi)))
                        .append("\" y1=\"").append(n(sy.applyAsDouble(w.y))).append("\" y2=\"").append(n(sy.applyAsDouble(w.y)))
                        .append(stroke);
            }
            if (Double.isFinite(w.ylo) && Double.isFinite(w.yhi) && Double.isFinite(w.x)) {
                s.append("<line x1=\"").append(n(sx.applyAsDouble(w.x))).append("\" x2=\"").append(n(sx.applyAsDouble(w.x)))
                        .append("\" y1=\"").append(n(sy.applyAsDouble(w.ylo))).append("\" y2=\"").append(n(sy.applyAsDouble(w.yhi)))
                        .append(stroke);
            }
        }
        for (double t : yt) {
            double y = sy.applyAsDouble(t);
            s.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + pw).append("\" y1=\"")
                    .append(n(y)).append("\" y2=\"").append(n(y)).append("\"/>");
            s.append("<text class=\"tick\" text-anchor=\"end\" x=\"").append(LEFT - 6).append("\" y=\"").append(n(y + 4))
                    .append("\">").append(Templates.escape(label(t, yt, percent))).append("</text>");
        }
        for (double t : xt) {
            double x = sx.applyAsDouble(t);
            s.append("<line class=\"tickmark\" x1=\"").append(n(x)).append("\" x2=\"").append(n(x)).append("\" y1=\"")
                    .append(TOP + ph).append("\" y2=\"").append(TOP + ph + 4).append("\"/>");
            s.append("<text class=\"tick\" text-anchor=\"middle\" x=\"").append(n(x)).append("\" y=\"")
                    .append(TOP + ph + 17).append("\">").append(Templates.escape(label(t, xt, false))).append("</text>");
        }
        s.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + pw).append("\" y1=\"")
                .append(TOP + ph).append("\" y2=\"").append(TOP + ph).append("\"/>");
        s.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"").append(TOP)
                .append("\" y2=\"").append(TOP + ph).append("\"/>");
        s.append("<text class=\"axis-label\" text-anchor=\"middle\" x=\"").append(LEFT + pw / 2).append("\" y=\"")
                .append(TOP + ph + 36).append("\">").append(Templates.escape(xLabel)).append("</text>");
        s.append("<text class=\"axis-label\" text-anchor=\"middle\" transform=\"translate(16 ").append(TOP + ph / 2)
                .append(") rotate(-90)\">").append(Templates.escape(yLabel)).append("</text>");

        for (Series se : series) {
            int len = Math.min(se.x.length, se.y.length);
            int stride = Math.max(1, (len + MAX_POINTS - 1) / MAX_POINTS);
            StringBuilder d = new StringBuilder();
            boolean pen = false;
            int drawn = 0;
            for (int i = 0; i < len; i += stride) {
                if (!Double.isFinite(se.x[i]) || !Double.isFinite(se.y[i])) {
                    pen = false;
                    continue;
                }
                d.append(pen ? " L" : (d.length() == 0 ? "M" : " M")).append(n(sx.applyAsDouble(se.x[i]))).append(' ')
                        .append(n(sy.applyAsDouble(se.y[i])));
                pen = true;
                drawn++;
            }
            if (d.length() > 0) {
                s.append("<path fill=\"none\" stroke=\"").append(Templates.escape(se.color)).append("\" stroke-width=\"2\"")
                        .append(se.dashed ? " stroke-dasharray=\"6 4\"" : "").append(" d=\"").append(d).append("\"/>");
            }
            if (drawn <= 12 && !se.dashed) {
                for (int i = 0; i < len; i++) {
                    if (Double.isFinite(se.x[i]) && Double.isFinite(se.y[i])) {
                        s.append("<circle r=\"3.5\" fill=\"").append(Templates.escape(se.color)).append("\" cx=\"")
                                .append(n(sx.applyAsDouble(se.x[i]))).append("\" cy=\"")
                                .append(n(sy.applyAsDouble(se.y[i]))).append("\"/>");
                    }
                }
            }
        }
        List<double[]> placed = new ArrayList<>();
        for (Note note : notes) {
            if (!Double.isFinite(note.x) || !Double.isFinite(note.y)) {
                continue;
            }
            double px = sx.applyAsDouble(note.x);
            double py = sy.applyAsDouble(note.y);
            if (note.ring) {
                s.append("<circle r=\"7\" fill=\"none\" stroke=\"").append(Templates.escape(note.color))
                        .append("\" stroke-width=\"2\" cx=\"").append(n(px)).append("\" cy=\"").append(n(py)).append("\"/>");
            }
            double[] at = notePlace(px, py, note.text, placed);
            s.append("<text class=\"tick\" x=\"").append(n(at[0])).append("\" y=\"").append(n(at[1])).append("\">")
                    .append(Templates.escape(note.text)).append("</text>");
        }
        legend(s, TOP + ph + 56);
        s.append("</svg>");
        return s.toString();
    }

    private void legend(StringBuilder s, int y) {
        double x = LEFT;
        for (Series se : series) {
            s.append("<line x1=\"").append(n(x)).append("\" x2=\"").append(n(x + 18)).append("\" y1=\"").append(y - 4)
                    .append("\" y2=\"").append(y - 4).append("\" stroke=\"").append(Templates.escape(se.color))
                    .append("\" stroke-width=\"3\"").append(se.dashed ? " stroke-dasharray=\"5 3\"" : "").append("/>");
            s.append("<text class=\"legend\" x=\"").append(n(x + 24)).append("\" y=\"").append(y).append("\">")
                    .append(Templates.escape(se.name)).append("</text>");
            x += 36 + 7 * se.name.length();
        }
        for (Area a : areas) {
            if (a.label.isEmpty()) {
                continue;
            }
            s.append("<rect x=\"").append(n(x)).append("\" y=\"").append(y - 10).append("\" width=\"18\" height=\"10\" fill=\"")
                    .append(Templates.escape(a.color)).append("\" fill-opacity=\"0.25\"/>");
            s.append("<text class=\"legend\" x=\"").append(n(x + 24)).append("\" y=\"").append(y).append("\">")
                    .append(Templates.escape(a.label)).append("</text>");
            x += 36 + 7 * a.label.length();
        }
        for (Band b : bands) {
            s.append("<rect x=\"").append(n(x)).append("\" y=\"").append(y - 10).append("\" width=\"18\" height=\"10\" fill=\"")
                    .append(Templates.escape(b.color)).append("\" fill-opacity=\"0.25\"/>");
            s.append("<text class=\"legend\" x=\"").append(n(x + 24)).append("\" y=\"").append(y).append("\">")
                    .append(Templates.escape(b.label)).append("</text>");
            x += 36 + 7 * b.label.length();
        }
    }

    /** Whether every x is a whole number (epochs, batches), so ticks between them would mean nothing. */
    private boolean integerX() {
        for (Series se : series) {
            for (double x : se.x) {
                if (Double.isFinite(x) && x != Math.rint(x)) {
                    return false;
                }
            }
        }
        return true;
    }

    private double[] range(boolean xAxis) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series se : series) {
            int len = Math.min(se.x.length, se.y.length);
            for (int i = 0; i < len; i++) {
                double v = xAxis ? se.x[i] : se.y[i];
                if (Double.isFinite(se.x[i]) && Double.isFinite(se.y[i])) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        for (Area a : areas) {
            for (int i = 0; i < Math.min(a.x.length, Math.min(a.lo.length, a.hi.length)); i++) {
                double l = xAxis ? a.x[i] : a.lo[i];
                double h = xAxis ? a.x[i] : a.hi[i];
                if (Double.isFinite(l) && Double.isFinite(h)) {
                    lo = Math.min(lo, l);
                    hi = Math.max(hi, h);
                }
            }
        }
        for (Whisker w : whiskers) {
            for (double v : xAxis ? new double[] {w.xlo, w.xhi} : new double[] {w.ylo, w.yhi}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            return new double[] {0, 1};
        }
        return new double[] {lo, hi};
    }

    private static double[] pad(double[] r) {
        double span = r[1] - r[0];
        if (span == 0) {
            double d = r[0] == 0 ? 1 : Math.abs(r[0]) * 0.1;
            return new double[] {r[0] - d, r[1] + d};
        }
        return new double[] {r[0] - span * 0.05, r[1] + span * 0.05};
    }

    /** Round-numbered ticks (1, 2 or 5 times a power of ten) covering [lo, hi]. */
    static double[] ticks(double lo, double hi, int target) {
        if (!(hi > lo)) {
            return new double[] {lo};
        }
        double raw = (hi - lo) / target;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        double start = Math.ceil(lo / step - 1e-9) * step;
        List<Double> out = new ArrayList<>();
        for (double t = start; t <= hi + step * 1e-9; t += step) {
            out.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Where a point's label goes: above right of the point, else below right, above left or below left,
     * whichever first overlaps no label already placed (boxes estimated at 7 px per character, 12 px
     * high); the box taken is added to {@code placed}. Returns the text's x and baseline y.
     */
    static double[] notePlace(double px, double py, String text, List<double[]> placed) {
        double w = 7.0 * text.length();
        double h = 12;
        double[][] candidates = {{px + 8, py - 8}, {px + 8, py + 18}, {px - 8 - w, py - 8}, {px - 8 - w, py + 18}};
        double[] chosen = candidates[0];
        for (double[] c : candidates) {
            double[] box = {c[0], c[1] - h, c[0] + w, c[1]};
            boolean free = placed.stream().noneMatch(o -> box[0] < o[2] && o[0] < box[2] && box[1] < o[3] && o[1] < box[3]);
            if (free) {
                chosen = c;
                break;
            }
        }
        placed.add(new double[] {chosen[0], chosen[1] - h, chosen[0] + w, chosen[1]});
        return chosen;
    }

    private static String label(double v, double[] all, boolean percent) {
        double step = all.length > 1 ? Math.abs(all[1] - all[0]) : 1;
        double shown = percent ? v * 100 : v;
        double shownStep = percent ? step * 100 : step;
        int decimals = shownStep >= 1 ? 0 : (int) Math.min(6, Math.ceil(-Math.log10(shownStep) - 1e-9));
        if (shownStep < 1 && Math.abs(shownStep * Math.pow(10, decimals) - Math.rint(shownStep * Math.pow(10, decimals))) > 1e-6) {
            decimals++;
        }
        String t = String.format(Locale.ROOT, "%." + decimals + "f", shown);
        if (Math.abs(shown) >= 10000 && decimals == 0) {
            t = String.format(Locale.ROOT, "%,d", Math.round(shown));
        }
        return percent ? t + "%" : t;
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
