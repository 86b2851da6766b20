package financestream.settings;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.apache.camel.util.SensitiveUtils;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Binds settings records ({@link Setting} on each component) from resolved settings and checks them with Jakarta
 * Bean Validation, collecting every fault as {@code key 'value': what is wrong}.
 * <p>
 * A component's type is its first check: {@code String}, {@code int}, {@code long}, {@code boolean},
 * {@code LocalDate}, {@code ZoneId}, {@code OffsetDateTime}, {@code Path}, {@code Optional} of one of them (blank
 * or unset = empty), or any type with a {@code public static parse(String)} that throws
 * {@link IllegalArgumentException} naming the fault. Its constraints are the rest; their messages are in
 * {@code ValidationMessages.properties}. Messages are interpolated without Expression Language.
 */
public final class SettingsBinder {

    private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class).configure()
            .messageInterpolator(new ParameterMessageInterpolator()).defaultLocale(Locale.ROOT)
            .buildValidatorFactory().getValidator();

    private final Function<String, Optional<String>> settings;
    private final List<String> faults = new ArrayList<>();

    public SettingsBinder(Function<String, Optional<String>> settings) {
        this.settings = settings;
    }

    /** The faults found so far, in the order of the records and their components. */
    public List<String> faults() {
        return List.copyOf(faults);
    }

    /** The record, bound; a component that cannot be converted is null (or 0) and its fault recorded. */
    public <T extends Record> T bind(Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        Map<String, Integer> unconverted = new HashMap<>();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            types[i] = component.getType();
            String key = key(component);
            try {
                values[i] = convert(component.getGenericType(), key, settings.apply(key));
            } catch (IllegalArgumentException e) {
                faults.add(e.getMessage());
                unconverted.put(component.getName(), i);
                values[i] = emptyValue(component.getType());
            }
        }
        T bound = construct(type, types, values);
        List<ConstraintViolation<T>> violations = new ArrayList<>(VALIDATOR.validate(bound));
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < components.length; i++) {
            order.put(components[i].getName(), i);
        }
        violations.sort(Comparator.comparing(v -> order.getOrDefault(property(v), -1)));
        for (ConstraintViolation<T> violation : violations) {
            String property = property(violation);
            if (!unconverted.containsKey(property) && order.containsKey(property)) {
                String key = key(components[order.get(property)]);
                faults.add(key + " " + shown(key, settings.apply(key).orElse("")) + ": " + violation.getMessage());
            }
        }
        if (unconverted.isEmpty() && bound instanceof Disagreements checked) {
            faults.addAll(checked.disagreements());
        }
        return bound;
    }

    private Object convert(Type type, String key, Optional<String> value) {
        if (type instanceof ParameterizedType optional && optional.getRawType() == Optional.class) {
            Type inner = optional.getActualTypeArguments()[0];
            return value.filter(v -> !v.isBlank()).map(v -> convert(inner, key, Optional.of(v)));
        }
        String text = value.orElseThrow(() -> new IllegalArgumentException(
                key + " is missing: set it in application.properties (or the environment / -D" + key + "=…)"));
        try {
            return parse((Class<?>) type, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " " + shown(key, text) + ": " + e.getMessage(), e);
        }
    }

    /** How the plain types are read; any other type reads itself with its {@code static parse(String)}. */
    private static final Map<Class<?>, Function<String, Object>> PARSERS = Map.of(
            String.class, text -> text,
            int.class, text -> Math.toIntExact(Long.parseLong(text.strip())),
            long.class, text -> Long.parseLong(text.strip()),
            boolean.class, SettingsBinder::parseBoolean,
            LocalDate.class, text -> LocalDate.parse(text.strip()),
            ZoneId.class, text -> ZoneId.of(text.strip()),
            OffsetDateTime.class, text -> OffsetDateTime.parse(text.strip()),
            Path.class, text -> Path.of(text.strip()));

    private static Object parse(Class<?> type, String text) {
        try {
            Function<String, Object> parser = PARSERS.get(type);
            return parser != null ? parser.apply(text) : parseMethod(type).invoke(null, text);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a whole number" + (type == int.class ? " up to 2147483647" : ""));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(type == LocalDate.class ? "not a date: expected YYYY-MM-DD, e.g. 2020-12-01"
                    : type == ZoneId.class ? "not a time zone: use a region id such as America/New_York"
                    : "not a moment like 2020-12-01T16:01:00-05:00");
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a path: " + e.getMessage());
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException fault) {
                throw fault;
            }
            throw new IllegalStateException(type.getSimpleName() + ".parse failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " is no settings type: it needs a static parse(String)", e);
        }
    }

    private static Object parseBoolean(String text) {
        if (!text.strip().equalsIgnoreCase("true") && !text.strip().equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("must be true or false");
        }
        return Boolean.parseBoolean(text.strip());
    }

    private static Method parseMethod(Class<?> type) throws NoSuchMethodException {
        Method parse = type.getMethod("parse", String.class);
        if (!Modifier.isStatic(parse.getModifiers()) || !type.isAssignableFrom(parse.getReturnType())) {
            throw new NoSuchMethodException(type.getName() + ".parse(String) is not a static factory");
        }
        return parse;
    }

    private static <T> T construct(Class<T> type, Class<?>[] types, Object[] values) {
        try {
            var constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    private static Object emptyValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        return type == long.class ? 0L : type == Optional.class ? Optional.empty() : null;
    }

    private static String key(RecordComponent component) {
        Setting setting = component.getAnnotation(Setting.class);
        if (setting == null) {
            throw new IllegalStateException(component + " has no @Setting key");
        }
        return setting.value();
    }

    private static String property(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().iterator().next().getName();
    }

    /** The value as a message may show it: never a sensitive one (password, secret, token, …), at most 80 chars. */
    public static String shown(String key, String value) {
        if (SensitiveUtils.containsSensitive(key)) {
            return "(value hidden)";
        }
        return "'" + (value.length() > 80 ? value.substring(0, 80) + "…" : value) + "'";
    }
}
