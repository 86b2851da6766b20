package financestream.settings;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The key of a settings record's component in {@code application.properties}, where its default and its meaning
 * are written. The component's type and its Bean Validation constraints are the setting's check.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Setting {
    String value();
}
