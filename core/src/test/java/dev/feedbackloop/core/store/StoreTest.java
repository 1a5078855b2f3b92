package dev.feedbackloop.core.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that runs once on each of the library's stores ({@link TestStores}), each time on a new, empty one: declare
 * a parameter of type {@link FeedbackStore} or {@link TestStores.Opened} (which also gives the data source of a JDBC
 * store). Its databases are removed after each run; a run on PostgreSQL is skipped without a server, and fails
 * without one when {@code CI=true}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(EveryStore.class)
public @interface StoreTest {

    /**
     * The stores to run on; every store when empty.
     *
     * @return the stores
     */
    TestStores[] value() default {};
}
