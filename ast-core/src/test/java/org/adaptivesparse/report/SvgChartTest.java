package org.adaptivesparse.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class SvgChartTest {

    @Test
    void rendersTitleAxesLegendAndGaps() {
        String svg = SvgChart.line("Loss <&>", "epoch", "loss")
                .series("a", "#000", new double[] {1, 2, 3, 4}, new double[] {1, Double.NaN, 0.5, 0.4})
                .band(0.4, 0.6, "band", "#0f0").render();
        Element root = Jsoup.parse(svg, "", Parser.xmlParser()).selectFirst("svg");
        assertEquals("Loss <&>", root.selectFirst("title").text());
        assertEquals(2, root.select("text.axis-label").size());
        assertEquals(2, root.select("text.legend").size());
        assertTrue(root.selectFirst("path").attr("d").contains(" M"), "NaN breaks the line");
        assertFalse(svg.contains("<&>"));
        assertTrue(svg.contains("<title>Loss &lt;&amp;&gt;</title>"), svg);
    }

    @Test
    void textAndAttributesAreEscapedAsTheTemplatesEscape() {
        String hostile = "\"'><script>x</script>";
        String svg = SvgChart.line(hostile, "x", "y").series(hostile, "red\" onload=\"x", new double[] {1, 2},
                new double[] {1, 2}).render();
        Element root = Jsoup.parse(svg, "", Parser.xmlParser()).selectFirst("svg");
        assertEquals(hostile, root.attr("aria-label"));
        assertEquals(hostile, root.selectFirst("title").text());
        assertEquals("red\" onload=\"x", root.selectFirst("path").attr("stroke"));
        assertFalse(svg.contains("<script>"));
        assertTrue(svg.contains("&quot;&#39;&gt;&lt;script&gt;"), svg);
    }

    @Test
    void niceTicks() {
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, SvgChart.ticks(0, 1, 5), 1e-12);
        assertArrayEquals(new double[] {1, 2, 3}, SvgChart.ticks(1, 3, 2), 1e-12);
    }

    @Test
    void emptyChartStillRenders() {
        SvgChart c = SvgChart.line("Nothing", "x", "y");
        assertTrue(c.isEmpty());
        assertTrue(c.render().startsWith("<svg"));
    }

    @Test
    void labelsOfPointsCloseTogetherDoNotOverlap() {
        java.util.List<double[]> placed = new java.util.ArrayList<>();
        double[] full = SvgChart.notePlace(100, 50, "full", placed);
        double[] ast = SvgChart.notePlace(106, 46, "50%", placed);
        double[] far = SvgChart.notePlace(300, 200, "10%", placed);
        assertEquals(108, full[0], 1e-9);
        assertEquals(42, full[1], 1e-9);
        double[] a = placed.get(0);
        double[] b = placed.get(1);
        assertTrue(b[0] >= a[2] || a[0] >= b[2] || b[1] >= a[3] || a[1] >= b[3], "the second label moved off the first");
        assertEquals(308, far[0], 1e-9, "a label with room keeps its usual place");
        assertEquals(192, far[1], 1e-9);
        assertTrue(ast[1] != 38 || ast[0] != 114, "not the default spot, which the first label covers");
    }
}
