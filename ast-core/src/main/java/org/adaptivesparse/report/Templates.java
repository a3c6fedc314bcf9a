package org.adaptivesparse.report;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The FreeMarker configuration for the report templates bundled under {@code org/adaptivesparse/report},
 * and the one HTML escaper: the templates' auto-escaping, which {@link #escape(String)} applies to
 * markup built in Java (the SVG charts).
 */
final class Templates {
    private static final Configuration CFG = create();

    private Templates() {
    }

    private static Configuration create() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setClassForTemplateLoading(Templates.class, "/org/adaptivesparse/report");
        c.setDefaultEncoding(StandardCharsets.UTF_8.name());
        c.setOutputEncoding(StandardCharsets.UTF_8.name());
        // .ftlh selects HTML output format, so every ${...} is escaped unless marked ?no_esc
        c.setRecognizeStandardFileExtensions(true);
        c.setLocale(Locale.ROOT);
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        return c;
    }

    /**
     * {@code text} escaped exactly as a {@code ${...}} in an {@code .ftlh} template is, for element
     * content and quoted attribute values: {@code & < > " '}. Null is the empty string.
     */
    static String escape(String text) {
        return text == null ? "" : HTMLOutputFormat.INSTANCE.escapePlainText(text);
    }

    static String render(String template, Map<String, Object> model) {
        try {
            Template t = CFG.getTemplate(template);
            StringWriter w = new StringWriter();
            t.process(model, w);
            return w.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("report template " + template + " cannot be loaded", e);
        } catch (TemplateException e) {
            throw new IllegalStateException("report template " + template + " failed: " + e.getMessage(), e);
        }
    }
}
