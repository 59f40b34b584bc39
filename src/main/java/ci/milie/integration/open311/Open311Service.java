package ci.milie.integration.open311;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MultivaluedMap;

import ci.milie.common.Caller;
import ci.milie.common.CleanText;
import ci.milie.common.Messages;
import ci.milie.common.ProblemException;
import ci.milie.directory.CategoryView;
import ci.milie.directory.DirectoryQueries;
import ci.milie.directory.Regions;
import ci.milie.directory.RequestType;
import ci.milie.integration.ApiKeys;
import ci.milie.integration.MediaFetcher;
import ci.milie.request.AttachmentService;
import ci.milie.request.Channel;
import ci.milie.request.RequestDigest;
import ci.milie.request.RequestDigests;
import ci.milie.request.RequestStatus;
import ci.milie.request.SubmissionService;
import ci.milie.request.SubmitRequestCommand;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * GeoReport v2 over Miliê: services are the active categories, a service request is a request
 * (its tracking code is {@code service_request_id}), and what a partner files goes through the same
 * intake as the app's submissions. Errors are thrown as problems; {@link Open311Errors} rewrites
 * them in the specification's format.
 */
@ApplicationScoped
class Open311Service {

    /** The one attribute a service may take: the kind of request, when its category takes several. */
    static final String TYPE_ATTRIBUTE = "TYPE";
    /** At most this many ids in one {@code service_request_id} list. */
    static final int MAX_IDS = 50;
    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;
    /** The longest period one listing covers, and the default one. */
    static final Duration MAX_PERIOD = Duration.ofDays(90);
    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    /** When this implementation's documents last changed shape. */
    static final String CHANGESET = "2026-11-30T00:00:00Z";

    private static final Messages LABELS = Messages.load("labels");
    private static final Messages TEXTS = Messages.TEXTS;
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ISO_INSTANT;

    private final DirectoryQueries directory;
    private final Regions regions;
    private final ApiKeys apiKeys;
    private final SubmissionService submissions;
    private final AttachmentService attachments;
    private final RequestDigests digests;
    private final MediaFetcher media;
    private final Validator validator;
    private final Open311Config config;
    private final Clock clock;

    Open311Service(DirectoryQueries directory, Regions regions, ApiKeys apiKeys, SubmissionService submissions,
            AttachmentService attachments, RequestDigests digests, MediaFetcher media, Validator validator,
            Open311Config config, Clock clock) {
        this.directory = directory;
        this.regions = regions;
        this.apiKeys = apiKeys;
        this.submissions = submissions;
        this.attachments = attachments;
        this.digests = digests;
        this.media = media;
        this.validator = validator;
        this.config = config;
        this.clock = clock;
    }

    /** {@code apiBase}: Miliê's API as the caller reached it, e.g. {@code https://api.milie.ci/api/v1}. */
    Open311Views.Discovery discovery(String apiBase) {
        return new Open311Views.Discovery(CHANGESET, config.contact(), config.keyService(),
                List.of(new Open311Views.Endpoint(SPECIFICATION, apiBase + "/open311/v2", CHANGESET, config.endpointType(),
                        List.of("text/xml", "application/json"))));
    }

    /** A jurisdiction_id, when one is sent, must be Miliê's. */
    void checkJurisdiction(String jurisdictionId) {
        if (jurisdictionId != null && !jurisdictionId.isBlank()
                && !jurisdictionId.strip().equalsIgnoreCase(config.jurisdictionId())) {
            throw ProblemException.notFound("NOT_FOUND.jurisdiction");
        }
    }

    List<Open311Views.Service> services(String language) {
        List<CategoryView> catalogue = directory.activeCatalogue();
        Map<String, CategoryView> byCode = catalogue.stream().collect(Collectors.toMap(CategoryView::code, Function.identity()));
        return catalogue.stream().map(category -> {
            CategoryView theme = category.parentCode() == null ? category : byCode.getOrDefault(category.parentCode(), category);
            return new Open311Views.Service(category.code(), label(category, language), description(category, language),
                    !attributes(category, language).isEmpty(), "realtime",
                    category.code() + ", " + label(category, other(language)), label(theme, language));
        }).toList();
    }

    Optional<Open311Views.ServiceDefinition> definition(String code, String language) {
        return activeCategory(code).map(category -> new Open311Views.ServiceDefinition(category.code(),
                attributes(category, language)));
    }

    /** The attributes of a service: the kind of request when the category takes more than one. */
    private static List<Open311Views.Attribute> attributes(CategoryView category, String language) {
        List<RequestType> types = EnumSet.copyOf(category.applicableTypes()).stream().toList();
        if (types.size() < 2) {
            return List.of();
        }
        List<Open311Views.Value> values = types.stream()
                .map(type -> new Open311Views.Value(type.name(), LABELS.text(language, "RequestType." + type.name()))).toList();
        return List.of(new Open311Views.Attribute(true, TYPE_ATTRIBUTE, "singlevaluelist", false,
                TEXTS.text(language, "open311.typeDefault", LABELS.text(language, "RequestType." + defaultType(types).name())),
                1, TEXTS.text(language, "open311.typeAttribute"), values));
    }

    private static RequestType defaultType(List<RequestType> types) {
        return types.contains(RequestType.COMPLAINT) ? RequestType.COMPLAINT : types.get(0);
    }

    /** The outcome of a submission: what to answer, and whether it replays an earlier one. */
    record Filed(Open311Views.Submitted submitted, boolean replayed) {
    }

    /**
     * Files a request from the specification's form, with the api_key's client as the submitter.
     * The media is fetched first, outside any transaction; the request and its file are then
     * stored together or not at all.
     */
    Filed submit(MultivaluedMap<String, String> form, String queryApiKey, String idempotencyKey, String language) {
        refuseUncleanText(form);
        checkJurisdiction(first(form, "jurisdiction_id"));
        String apiKey = first(form, "api_key");
        ApiKeys.KeyHolder holder = apiKeys.holderOf(apiKey != null ? apiKey : queryApiKey)
                .orElseThrow(() -> ProblemException.forbidden("FORBIDDEN.api-key"));
        if (!holder.maySubmit()) {
            throw ProblemException.forbidden("FORBIDDEN.api-key-submit");
        }
        SubmitRequestCommand command = command(form, language);
        Set<ConstraintViolation<SubmitRequestCommand>> violations = validator.validate(command);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        String mediaUrl = first(form, "media_url");
        MediaFetcher.Media fetched = null;
        if (mediaUrl != null) {
            try {
                fetched = media.fetch(mediaUrl);
            } catch (MediaFetcher.MediaRefused refused) {
                throw ProblemException.invalid("media_url", "field.media." + refused.refusal().name().toLowerCase(Locale.ROOT));
            }
        }
        MediaFetcher.Media file = fetched;
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                SubmissionService.Outcome outcome = submissions.submit(command, holder.caller(), idempotencyKey);
                if (file != null && !outcome.replayed()) {
                    attachments.upload(outcome.receipt().id(),
                            List.of(new AttachmentService.Upload(file.fileName(), file.size(), file.file())),
                            Caller.anonymous(), outcome.receipt().accessKey());
                }
                String code = outcome.receipt().trackingCode();
                return new Filed(new Open311Views.Submitted(code, TEXTS.text(language, "open311.received", code), null),
                        outcome.replayed());
            });
        } finally {
            if (file != null) {
                delete(file);
            }
        }
    }

    /**
     * A form is held to what a JSON body is (common/CleanText, checked there as the body is read):
     * control characters would break the XML this serves back, and PostgreSQL cannot store NUL.
     * The description may span lines; every other field is a single line.
     */
    private static void refuseUncleanText(MultivaluedMap<String, String> form) {
        for (Map.Entry<String, List<String>> field : form.entrySet()) {
            if (CleanText.flawInLine(field.getKey()) != null) {
                // the name itself is not echoed: it is what is wrong
                throw ProblemException.invalid("form", "field.parameterName");
            }
            for (String value : field.getValue()) {
                String flaw = "description".equals(field.getKey()) ? CleanText.flawInFreeText(value) : CleanText.flawInLine(value);
                if (flaw != null) {
                    throw ProblemException.invalid(field.getKey(), flaw);
                }
            }
        }
    }

    private SubmitRequestCommand command(MultivaluedMap<String, String> form, String language) {
        String serviceCode = first(form, "service_code");
        if (serviceCode == null) {
            throw ProblemException.invalid("service_code", "field.required");
        }
        CategoryView category = activeCategory(serviceCode)
                .orElseThrow(() -> ProblemException.invalid("service_code", "field.unknownService"));
        List<RequestType> types = EnumSet.copyOf(category.applicableTypes()).stream().toList();
        RequestType type = defaultType(types);
        String asked = attribute(form, TYPE_ATTRIBUTE);
        if (asked != null) {
            type = types.stream().filter(t -> t.name().equalsIgnoreCase(asked.strip())).findFirst()
                    .orElseThrow(() -> ProblemException.invalid("attribute[" + TYPE_ATTRIBUTE + "]", "field.oneOf",
                            types.stream().map(Enum::name).collect(Collectors.joining(", "))));
        }
        Double latitude = decimal(form, "lat");
        Double longitude = decimal(form, "long");
        if ((latitude == null) != (longitude == null)) {
            throw ProblemException.invalid(latitude == null ? "lat" : "long", "field.latLongTogether");
        }
        String address = first(form, "address_string");
        if (address == null) {
            address = first(form, "address");
        }
        String region = address == null ? null : regionIn(address);
        SubmitRequestCommand.LocationInput location = address == null && latitude == null ? null
                : new SubmitRequestCommand.LocationInput(region, address, latitude, longitude);
        String name = String.join(" ", nonNull(first(form, "first_name"), first(form, "last_name"))).strip();
        SubmitRequestCommand.ContactInput contact = new SubmitRequestCommand.ContactInput(name.isEmpty() ? null : name,
                first(form, "email"), first(form, "phone"), language);
        String description = first(form, "description");
        Channel channel = first(form, "device_id") != null ? Channel.MOBILE : Channel.WEB;
        return new SubmitRequestCommand(type, category.code(), channel, subjectOf(description, category, language),
                description, null, location, contact, false);
    }

    /** The first part of an address that names a region (French or English name, or code); null when none does. */
    private String regionIn(String address) {
        for (String part : address.split(",")) {
            Optional<String> code = regions.activeCodeOf(part.strip());
            if (code.isPresent()) {
                return code.get();
            }
        }
        return null;
    }

    /** GeoReport has no subject: the description's first line, shortened, or the service's name. */
    static String subjectOf(String description, CategoryView category, String language) {
        String line = description == null ? "" : description.strip().lines().findFirst().orElse("").strip();
        if (line.length() < 5) {
            return label(category, language);
        }
        return line.length() <= 80 ? line : line.substring(0, 79).strip() + "…";
    }

    /** The requests of {@code GET requests}: by id, or (for a reader with an api_key) by period. */
    List<Open311Views.ServiceRequest> requests(MultivaluedMap<String, String> query, String apiBase, String language) {
        checkJurisdiction(first(query, "jurisdiction_id"));
        Caller reader = reader(first(query, "api_key"));
        List<String> ids = list(query, "service_request_id");
        if (!ids.isEmpty()) {
            if (ids.size() > MAX_IDS) {
                throw ProblemException.invalid("service_request_id", "field.atMostIds", MAX_IDS);
            }
            return shown(digests.byCodes(ids, reader), apiBase, language);
        }
        Instant now = clock.instant();
        Instant start = datetime(query, "start_date");
        Instant end = datetime(query, "end_date");
        if (start != null && end != null && !start.isBefore(end)) {
            throw ProblemException.invalid("start_date", "field.startBeforeEnd");
        }
        if (start != null && end != null && Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
            throw ProblemException.invalid("end_date", "field.atMost90Days");
        }
        if (start == null && end == null) {
            end = now;
        }
        if (start == null) {
            start = end.minus(MAX_PERIOD);
        }
        if (end == null) {
            end = start.plus(MAX_PERIOD);
        }
        Set<RequestStatus> statuses = statuses(list(query, "status"));
        Set<String> codes = new LinkedHashSet<>(list(query, "service_code"));
        int pageSize = number(query, "page_size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        int page = number(query, "page", 1, Integer.MAX_VALUE / MAX_PAGE_SIZE);
        var period = new RequestDigests.Period(start, end, codes, statuses);
        return shown(digests.inPeriod(period, reader, pageSize, (page - 1) * pageSize), apiBase, language);
    }

    /** One request, by its tracking code; 404 when there is none. */
    List<Open311Views.ServiceRequest> request(String id, String apiKey, String jurisdictionId, String apiBase, String language) {
        checkJurisdiction(jurisdictionId);
        Caller reader = reader(apiKey);
        List<Open311Views.ServiceRequest> found = shown(digests.byCodes(List.of(id), reader), apiBase, language);
        if (found.isEmpty()) {
            throw ProblemException.notFound("NOT_FOUND.request");
        }
        return found;
    }

    /** Miliê answers at once (realtime): a token is the request's id, as webhooks and Miliê's own API give it. */
    List<Open311Views.Token> token(String token, String jurisdictionId) {
        checkJurisdiction(jurisdictionId);
        UUID id;
        try {
            id = UUID.fromString(token.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("NOT_FOUND.token");
        }
        RequestDigest digest = digests.byId(id, Caller.anonymous())
                .orElseThrow(() -> ProblemException.notFound("NOT_FOUND.token"));
        return List.of(new Open311Views.Token(digest.trackingCode(), id.toString()));
    }

    /** Without an api_key, anyone; with one, its client (403 for a key that is not valid); only a client that reads sees more. */
    private Caller reader(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Caller.anonymous();
        }
        ApiKeys.KeyHolder holder = apiKeys.holderOf(apiKey).orElseThrow(() -> ProblemException.forbidden("FORBIDDEN.api-key"));
        return holder.mayRead() ? holder.caller() : Caller.anonymous();
    }

    private List<Open311Views.ServiceRequest> shown(List<RequestDigest> found, String apiBase, String language) {
        Map<String, String> regionNames = found.stream().anyMatch(d -> d.region() != null) ? regionNames(language) : Map.of();
        return found.stream().map(d -> new Open311Views.ServiceRequest(d.trackingCode(), d.open() ? "open" : "closed",
                d.latestPublicStep(language), "fr".equals(language) ? d.categoryLabelFr() : d.categoryLabelEn(),
                d.categoryCode(), d.description(), d.administrationName(),
                d.open() && d.dueAt() != null ? TEXTS.text(language, "open311.nextStepDue", LocalDate.ofInstant(d.dueAt(), ZoneOffset.UTC).toString()) : null,
                datetime(d.submittedAt()), datetime(d.updatedAt()), datetime(d.dueAt()),
                address(d, regionNames), null, null, d.latitude(), d.longitude(),
                d.firstCitizenFileId() == null ? null
                        : apiBase + "/requests/" + d.id() + "/attachments/" + d.firstCitizenFileId()))
                .toList();
    }

    private Map<String, String> regionNames(String language) {
        return regions.all().stream().collect(Collectors.toMap(Regions.RegionSummary::code,
                r -> "fr".equals(language) ? r.nameFr() : r.nameEn(), (a, b) -> a));
    }

    private static String address(RequestDigest d, Map<String, String> regionNames) {
        List<String> parts = new ArrayList<>();
        if (d.locality() != null) {
            parts.add(d.locality());
        }
        if (d.region() != null && (d.locality() == null || !d.locality().contains(regionNames.getOrDefault(d.region(), d.region())))) {
            parts.add(regionNames.getOrDefault(d.region(), d.region()));
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /** ISO-8601 in UTC without fractional seconds. */
    static String datetime(Instant instant) {
        return instant == null ? null : SECONDS.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private Optional<CategoryView> activeCategory(String code) {
        String wanted = code == null ? "" : code.strip();
        return directory.activeCatalogue().stream().filter(c -> c.code().equalsIgnoreCase(wanted)).findFirst();
    }

    private static Set<RequestStatus> statuses(List<String> asked) {
        Set<RequestStatus> statuses = EnumSet.noneOf(RequestStatus.class);
        for (String status : asked) {
            switch (status.toLowerCase(Locale.ROOT)) {
                case "open" -> statuses.addAll(RequestStatus.OPEN);
                case "closed" -> Arrays.stream(RequestStatus.values()).filter(s -> !RequestStatus.OPEN.contains(s)).forEach(statuses::add);
                default -> throw ProblemException.invalid("status", "field.openOrClosed");
            }
        }
        return statuses.size() == RequestStatus.values().length ? Set.of() : statuses;
    }

    /**
     * An ISO-8601 instant, offset datetime or date. A '+' of an offset sent unencoded arrives as a
     * space: it is read as the '+' it was.
     */
    static Instant datetime(MultivaluedMap<String, String> query, String name) {
        String raw = first(query, name);
        if (raw == null) {
            return null;
        }
        String value = raw.strip().replaceFirst(" (\\d{2}:?\\d{2})$", "+$1");
        try {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (value.matches(".*([+-]\\d{2}:?\\d{2}|Z|z)$")) {
                return OffsetDateTime.parse(value.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2").replace('z', 'Z')).toInstant();
            }
            // no offset: UTC, Abidjan's time
            return java.time.LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "field.dateOrInstant");
        }
    }

    private static Double decimal(MultivaluedMap<String, String> form, String name) {
        String raw = first(form, name);
        if (raw == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(raw.strip());
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "field.expectedNumber");
        }
    }

    private static int number(MultivaluedMap<String, String> query, String name, int defaultValue, int max) {
        String raw = first(query, name);
        if (raw == null) {
            return defaultValue;
        }
        if (!raw.strip().matches("[0-9]{1,9}")) {
            throw ProblemException.invalid(name, "field.integer");
        }
        int value = Integer.parseInt(raw.strip());
        if (value < 1 || value > max) {
            throw ProblemException.invalid(name, "field.between", 1, max);
        }
        return value;
    }

    /** A list parameter: comma-separated, repeated, or both; blanks dropped. */
    static List<String> list(MultivaluedMap<String, String> query, String name) {
        List<String> values = query.get(name);
        if (values == null) {
            return List.of();
        }
        return values.stream().flatMap(value -> Arrays.stream(value.split(","))).map(String::strip)
                .filter(value -> !value.isEmpty()).distinct().toList();
    }

    /** An attribute's value: {@code attribute[CODE]}, or the first of {@code attribute[CODE][]}. */
    private static String attribute(MultivaluedMap<String, String> form, String code) {
        String single = first(form, "attribute[" + code + "]");
        return single != null ? single : first(form, "attribute[" + code + "][]");
    }

    /** The first non-blank value of a parameter; a repeated one is read once. */
    static String first(MultivaluedMap<String, String> values, String name) {
        List<String> all = values.get(name);
        if (all == null) {
            return null;
        }
        return all.stream().filter(value -> value != null && !value.isBlank()).findFirst().orElse(null);
    }

    private static List<String> nonNull(String... values) {
        return Arrays.stream(values).filter(value -> value != null).map(String::strip).toList();
    }

    private static String label(CategoryView category, String language) {
        return "fr".equals(language) ? category.labelFr() : category.labelEn();
    }

    private static String description(CategoryView category, String language) {
        String description = "fr".equals(language) ? category.descriptionFr() : category.descriptionEn();
        return description == null || description.isBlank() ? label(category, language) : description;
    }

    private static String other(String language) {
        return "fr".equals(language) ? "en" : "fr";
    }

    private static void delete(MediaFetcher.Media file) {
        try {
            Files.deleteIfExists(file.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
