package dev.feedbackloop.examples.webapp;

import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The languages of the customer's pages: the browser's preferred one among English, German and French, else
 * English. The surveys are translated into the same three, so a page's own words and its survey's agree.
 */
@Configuration(proxyBeanMethods = false)
public class Languages {

    /** The languages the pages speak, the first the default. */
    public static final List<Locale> SPOKEN = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH);

    /**
     * Picks the page language from the {@code Accept-Language} header.
     *
     * @return the resolver
     */
    @Bean
    public LocaleResolver localeResolver() {
        var resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(SPOKEN);
        resolver.setDefaultLocale(Locale.ENGLISH);
        return resolver;
    }
}
