package dev.feedbackloop.core.store;

import dev.feedbackloop.core.store.jdbc.Databases;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/** Runs a {@link StoreTest} once per store; see there. */
final class EveryStore implements TestTemplateInvocationContextProvider {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EveryStore.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(context.getTestMethod(), StoreTest.class);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        TestStores[] chosen = AnnotationSupport.findAnnotation(context.getTestMethod(), StoreTest.class)
                .orElseThrow().value();
        return Arrays.stream(chosen.length == 0 ? TestStores.values() : chosen).map(Run::new);
    }

    /** One run: opens the store before the test (so that a missing server skips it) and removes it after. */
    private record Run(TestStores kind) implements TestTemplateInvocationContext, BeforeEachCallback,
            ParameterResolver {

        @Override
        public String getDisplayName(int invocationIndex) {
            return kind.name();
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(this);
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            // stored values that are AutoCloseable are closed when the run ends
            var databases = new Databases();
            context.getStore(NAMESPACE).put(Databases.class, databases);
            context.getStore(NAMESPACE).put(TestStores.Opened.class, kind.open(databases));
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            return type == FeedbackStore.class || type == TestStores.Opened.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            TestStores.Opened opened = context.getStore(NAMESPACE).get(TestStores.Opened.class,
                    TestStores.Opened.class);
            return parameter.getParameter().getType() == FeedbackStore.class ? opened.store() : opened;
        }
    }
}
