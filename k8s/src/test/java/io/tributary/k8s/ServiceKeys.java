package io.tributary.k8s;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration keys a service really reads: those of its application.properties (outside the test profile) and
 * those its {@code @ConfigMapping} interfaces declare, read from the module's sources. A map key is {@code *}.
 */
final class ServiceKeys {
    private static final JavaParser PARSER =
            new JavaParser(new ParserConfiguration().setLanguageLevel(LanguageLevel.JAVA_17));
    private static final Map<String, ServiceKeys> BY_SERVICE = new ConcurrentHashMap<>();
    /** SmallRye JWT's keys that the chart sets from {@code security.jwt}. */
    private static final Set<String> TOKEN_VERIFICATION = Set.of(
            "mp.jwt.verify.publickey.location",
            "mp.jwt.verify.issuer",
            "mp.jwt.verify.audiences",
            "smallrye.jwt.path.groups");

    private final String service;
    private final Set<String> keys = new TreeSet<>();
    private final Map<String, ClassOrInterfaceDeclaration> interfaces = new HashMap<>();

    private ServiceKeys(String service) {
        this.service = service;
    }

    static ServiceKeys of(String service) {
        return BY_SERVICE.computeIfAbsent(service, ServiceKeys::read);
    }

    private static ServiceKeys read(String service) {
        ServiceKeys serviceKeys = new ServiceKeys(service);
        Path module = Chart.ROOT.resolve(service);
        serviceKeys.readProperties(module.resolve("src/main/resources/application.properties"));
        serviceKeys.readMappings(module.resolve("src/main/java"));
        // Every service's API goes through http-common: its settings and the bearer-token verification it configures.
        Path http = Chart.ROOT.resolve("http-common");
        serviceKeys.readProperties(http.resolve("src/main/resources/META-INF/microprofile-config.properties"));
        serviceKeys.readMappings(http.resolve("src/main/java"));
        serviceKeys.keys.addAll(TOKEN_VERIFICATION);
        return serviceKeys;
    }

    Set<String> keys() {
        return keys;
    }

    /** Whether the service reads this property (a map key matching {@code *}). */
    boolean reads(String property) {
        return keys.stream()
                .anyMatch(key -> pattern(key, "[^.]+").matcher(property).matches());
    }

    /**
     * Whether an environment variable names a property the service reads, by Quarkus' rule: the property upper-cased,
     * every character other than a letter or digit replaced by {@code _}.
     */
    boolean readsEnv(String variable) {
        return keys.stream()
                .anyMatch(key ->
                        pattern(envName(key), "[A-Z0-9_]+").matcher(variable).matches());
    }

    static String envName(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9*]", "_");
    }

    @Override
    public String toString() {
        return service + " " + keys;
    }

    /** The key as a regular expression, each {@code *} (a map key) matching {@code wildcard}. */
    private static Pattern pattern(String key, String wildcard) {
        StringBuilder regex = new StringBuilder();
        String[] parts = key.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            regex.append(i > 0 ? wildcard : "").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }

    private void readProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%prod.")) {
                keys.add(key.substring("%prod.".length()));
            } else if (!key.startsWith("%")) {
                keys.add(key);
            }
        }
    }

    private void readMappings(Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(this::index);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        interfaces.values().forEach(type -> prefix(type).ifPresent(prefix -> walk(prefix, type)));
    }

    private void index(Path file) {
        try {
            CompilationUnit unit = PARSER.parse(file).getResult().orElseThrow();
            unit.findAll(ClassOrInterfaceDeclaration.class, ClassOrInterfaceDeclaration::isInterface)
                    .forEach(type -> interfaces.put(type.getNameAsString(), type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> prefix(ClassOrInterfaceDeclaration type) {
        return type.getAnnotationByName("ConfigMapping").flatMap(ServiceKeys::prefixOf);
    }

    private static Optional<String> prefixOf(AnnotationExpr annotation) {
        if (annotation instanceof NormalAnnotationExpr normal) {
            return normal.getPairs().stream()
                    .filter(pair -> pair.getNameAsString().equals("prefix"))
                    .map(MemberValuePair::getValue)
                    .map(value -> value.asStringLiteralExpr().asString())
                    .findFirst();
        }
        return Optional.empty();
    }

    /** Each abstract method is a key; a group (another interface) or a map of groups nests its keys. */
    private void walk(String prefix, ClassOrInterfaceDeclaration type) {
        for (MethodDeclaration method : type.getMethods()) {
            if (method.getBody().isPresent() || method.isStatic()) {
                continue;
            }
            String key = prefix + "." + name(method);
            Type returned = unwrap(method.getType(), "Optional");
            if (isType(returned, "Map")) {
                Type value = returned.asClassOrInterfaceType()
                        .getTypeArguments()
                        .orElseThrow()
                        .get(1);
                nest(key + ".*", value);
            } else {
                nest(key, returned);
            }
        }
    }

    private void nest(String key, Type type) {
        ClassOrInterfaceDeclaration group = type.isClassOrInterfaceType() ? interfaces.get(simpleName(type)) : null;
        if (group != null && !group.isAnnotationPresent("ConfigMapping")) {
            walk(key, group);
        } else if (isType(type, "Map")) {
            nest(
                    key + ".*",
                    type.asClassOrInterfaceType()
                            .getTypeArguments()
                            .orElseThrow()
                            .get(1));
        } else {
            keys.add(key);
        }
    }

    private static String name(MethodDeclaration method) {
        return method.getAnnotationByName("WithName")
                .filter(SingleMemberAnnotationExpr.class::isInstance)
                .map(a -> ((SingleMemberAnnotationExpr) a)
                        .getMemberValue()
                        .asStringLiteralExpr()
                        .asString())
                .orElseGet(() -> kebab(method.getNameAsString()));
    }

    /** SmallRye's default naming: {@code maxInFlight} is {@code max-in-flight}. */
    static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static Type unwrap(Type type, String wrapper) {
        if (isType(type, wrapper)) {
            return type.asClassOrInterfaceType()
                    .getTypeArguments()
                    .orElseThrow()
                    .get(0);
        }
        return type;
    }

    private static boolean isType(Type type, String name) {
        return type.isClassOrInterfaceType() && simpleName(type).equals(name);
    }

    private static String simpleName(Type type) {
        ClassOrInterfaceType classType = type.asClassOrInterfaceType();
        return classType.getNameAsString();
    }
}
