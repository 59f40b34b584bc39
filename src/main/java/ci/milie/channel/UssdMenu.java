package ci.milie.channel;

import java.text.Collator;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ci.milie.common.Caller;
import ci.milie.common.Messages;
import ci.milie.common.ProblemException;
import ci.milie.directory.CategoryView;
import ci.milie.directory.DirectoryQueries;
import ci.milie.directory.Regions;
import ci.milie.directory.RequestType;
import ci.milie.feedback.FeedbackService;
import ci.milie.notification.SmsText;
import ci.milie.request.AnswerLookup;
import ci.milie.request.Channel;
import ci.milie.request.RatingLookup;
import ci.milie.request.RequestQueries;
import ci.milie.request.RequestStatus;
import ci.milie.request.SubmissionService;
import ci.milie.request.SubmitRequestCommand;
import ci.milie.request.Views;

/**
 * The USSD menu. Stateless: each callback carries every input of the session so far, and the
 * screen is found again by replaying them from the main menu, so any instance answers any step.
 * Nothing is written before the last input of a session asks for it (sending a request, a
 * rating): a session left half-way leaves nothing behind.
 */
@ApplicationScoped
public class UssdMenu {

    /** The longest screen, "CON "/"END " included: what every handset shows whole. */
    public static final int MAX_SCREEN = 160;
    static final int PAGE = 7;
    private static final int SUBJECT_MAX = 60;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneOffset.UTC);
    private static final Messages TEXTS = Messages.load("ussd");
    private static final RequestType[] TYPES = { RequestType.COMPLAINT, RequestType.SUGGESTION, RequestType.OBSERVATION };

    /** One callback: the aggregator, its session, the caller's number (E.164) and the inputs so far. */
    public record Call(String aggregator, String sessionId, String phone, List<String> inputs) {
    }

    private enum Screen {
        MAIN, TYPE, CATEGORY, REGION, DESCRIPTION, CONFIRM, CODE, MINE, ANSWER, RATE_PICK, RATE_SCORE, RATE_SATISFIED
    }

    private record Choice(String code, String label) {
    }

    /** Where a session stands after some of its inputs. */
    private static final class Session {
        String language = "fr";
        Screen screen = Screen.MAIN;
        String hint;
        int page;
        RequestType type;
        Choice category;
        Choice region;
        String description;
        Views.RequestSummary rated;
        List<String> answerPages;
        int rating;
        String end;
    }

    private final SubmissionService submissions;
    private final RequestQueries queries;
    private final FeedbackService feedback;
    private final DirectoryQueries directory;
    private final Regions regions;
    private final PhoneIdentity identity;
    private final AnswerLookup answers;
    private final RatingLookup ratings;

    UssdMenu(SubmissionService submissions, RequestQueries queries, FeedbackService feedback, DirectoryQueries directory,
            Regions regions, PhoneIdentity identity, AnswerLookup answers, RatingLookup ratings) {
        this.answers = answers;
        this.ratings = ratings;
        this.submissions = submissions;
        this.queries = queries;
        this.feedback = feedback;
        this.directory = directory;
        this.regions = regions;
        this.identity = identity;
    }

    /** The screen to show after this call's inputs: "CON …" to go on, "END …" when the session is over. */
    public String answer(Call call) {
        Session session = new Session();
        Lazy lazy = new Lazy(call);
        for (String input : call.inputs()) {
            session.hint = null;
            step(session, input.strip(), call, lazy);
            if (session.end != null) {
                return "END " + session.end;
            }
        }
        return "CON " + screen(session, lazy);
    }

    /** The END screen of a number past its limit of calls, in the language its inputs chose. */
    public String limited(List<String> inputs) {
        String language = "fr";
        for (String input : inputs) {
            if (!input.strip().equals("9")) {
                break;
            }
            language = "en".equals(language) ? "fr" : "en";
        }
        return "END " + text(language, "limited");
    }

    /** What the caller is offered, read at most once per callback and only when a screen needs it. */
    private final class Lazy {
        private final Call call;
        private final java.util.Map<String, List<Choice>> categories = new java.util.HashMap<>();
        private final java.util.Map<String, List<Choice>> regionLists = new java.util.HashMap<>();
        private Optional<UUID> account;
        private List<Views.RequestSummary> mine;
        private List<Views.RequestSummary> rateable;

        Lazy(Call call) {
            this.call = call;
        }

        List<Choice> categories(RequestType type, String language) {
            return categories.computeIfAbsent(type + "|" + language, key -> {
                Collator order = Collator.getInstance(Locale.forLanguageTag(language));
                return directory.activeCatalogue().stream()
                        .filter(c -> c.parentId() == null && c.active() && c.applicableTypes().contains(type))
                        .map(c -> new Choice(c.code(), label(c, language)))
                        .sorted(Comparator.comparing(Choice::label, order)).toList();
            });
        }

        List<Choice> regions(String language) {
            return regionLists.computeIfAbsent(language, key -> {
                Collator order = Collator.getInstance(Locale.forLanguageTag(language));
                return regions.all().stream().filter(Regions.RegionSummary::active)
                        .map(r -> new Choice(r.code(), "en".equals(language) ? r.nameEn() : r.nameFr()))
                        .sorted(Comparator.comparing(Choice::label, order)).toList();
            });
        }

        Optional<UUID> account() {
            if (account == null) {
                account = identity.existingAccount(call.phone());
            }
            return account;
        }

        /** The caller's requests, newest first (a few: a feature phone shows three). */
        List<Views.RequestSummary> mine() {
            if (mine == null) {
                mine = account().map(id -> queries.mine(Caller.featurePhone(id), 20, null, null).items()).orElse(List.of());
            }
            return mine;
        }

        /** What "Mes dernières demandes" lists: the caller's last three. */
        List<Views.RequestSummary> latest() {
            return mine().stream().limit(3).toList();
        }

        /** Answered, and its latest answer not rated yet (a rating is given once; unsatisfied leaves it ANSWERED). */
        List<Views.RequestSummary> rateable() {
            if (rateable == null) {
                rateable = mine().stream().filter(r -> r.status() == RequestStatus.ANSWERED).filter(r -> {
                    List<AnswerLookup.AnswerSummary> delivered = answers.delivered(r.id());
                    return !delivered.isEmpty() && !ratings.rated(delivered.get(delivered.size() - 1).id());
                }).limit(3).toList();
            }
            return rateable;
        }
    }

    private static String label(CategoryView category, String language) {
        return "en".equals(language) ? category.labelEn() : category.labelFr();
    }

    private void step(Session s, String input, Call call, Lazy lazy) {
        switch (s.screen) {
            case MAIN -> {
                switch (input) {
                    case "9" -> s.language = "en".equals(s.language) ? "fr" : "en";
                    case "1" -> s.screen = Screen.TYPE;
                    case "2" -> s.screen = Screen.CODE;
                    case "3" -> {
                        if (lazy.mine().isEmpty()) {
                            s.end = text(s, "mine.none");
                        } else {
                            s.screen = Screen.MINE;
                        }
                    }
                    case "4" -> {
                        if (lazy.rateable().isEmpty()) {
                            s.end = text(s, "rate.none");
                        } else {
                            s.screen = Screen.RATE_PICK;
                        }
                    }
                    default -> s.hint = "hint.choice";
                }
            }
            case TYPE -> {
                int n = number(input);
                if (input.equals("0")) {
                    s.screen = Screen.MAIN;
                } else if (n >= 1 && n <= TYPES.length) {
                    s.type = TYPES[n - 1];
                    s.page = 0;
                    s.screen = Screen.CATEGORY;
                } else {
                    s.hint = "hint.choice";
                }
            }
            case CATEGORY -> {
                Choice chosen = page(s, input, lazy.categories(s.type, s.language), Screen.TYPE);
                if (chosen != null) {
                    s.category = chosen;
                    s.page = 0;
                    s.screen = Screen.REGION;
                }
            }
            case REGION -> {
                Choice chosen = page(s, input, lazy.regions(s.language), Screen.CATEGORY);
                if (chosen != null) {
                    s.region = chosen;
                    s.screen = Screen.DESCRIPTION;
                }
            }
            case DESCRIPTION -> {
                if (input.equals("0")) {
                    s.page = 0;
                    s.screen = Screen.REGION;
                } else if (input.length() < 10) {
                    s.hint = "hint.short";
                } else {
                    s.description = input;
                    s.screen = Screen.CONFIRM;
                }
            }
            case CONFIRM -> {
                switch (input) {
                    case "1" -> s.end = file(s, call);
                    case "2" -> s.end = text(s, "cancelled");
                    case "0" -> s.screen = Screen.DESCRIPTION;
                    default -> s.hint = "hint.choice";
                }
            }
            case CODE -> {
                if (input.equals("0")) {
                    s.screen = Screen.MAIN;
                } else {
                    s.end = status(s, input);
                }
            }
            case MINE -> {
                List<Views.RequestSummary> latest = lazy.latest();
                int n = number(input);
                if (input.equals("0")) {
                    s.screen = Screen.MAIN;
                } else if (n >= 1 && n <= latest.size()) {
                    read(s, latest.get(n - 1));
                } else {
                    s.hint = "hint.choice";
                }
            }
            case ANSWER -> {
                if (input.equals("0")) {
                    if (s.page > 0) {
                        s.page--;
                    } else {
                        s.screen = Screen.MINE;
                    }
                } else if (input.equals("1")) {
                    s.page++;
                    if (s.page == s.answerPages.size() - 1) {
                        s.end = s.answerPages.get(s.page);
                    }
                } else {
                    s.hint = "hint.choice";
                }
            }
            case RATE_PICK -> {
                List<Views.RequestSummary> rateable = lazy.rateable();
                int n = number(input);
                if (input.equals("0")) {
                    s.screen = Screen.MAIN;
                } else if (n >= 1 && n <= rateable.size()) {
                    s.rated = rateable.get(n - 1);
                    s.screen = Screen.RATE_SCORE;
                } else {
                    s.hint = "hint.choice";
                }
            }
            case RATE_SCORE -> {
                int n = number(input);
                if (input.equals("0")) {
                    s.screen = Screen.RATE_PICK;
                } else if (n >= 1 && n <= 5) {
                    s.rating = n;
                    s.screen = Screen.RATE_SATISFIED;
                } else {
                    s.hint = "hint.choice";
                }
            }
            case RATE_SATISFIED -> {
                switch (input) {
                    case "1", "2" -> s.end = rate(s, lazy, input.equals("1"));
                    case "0" -> s.screen = Screen.RATE_SCORE;
                    default -> s.hint = "hint.choice";
                }
            }
        }
    }

    /** A choice on a paged list: 1–7 picks, 8 turns the page, 0 goes back a page or a screen; null while nothing is picked. */
    private static Choice page(Session s, String input, List<Choice> all, Screen previous) {
        int n = number(input);
        if (input.equals("0")) {
            if (s.page > 0) {
                s.page--;
            } else {
                s.page = 0;
                s.screen = previous;
            }
        } else if (input.equals("8") && (s.page + 1) * PAGE < all.size()) {
            s.page++;
        } else if (n >= 1 && n <= PAGE && s.page * PAGE + n - 1 < all.size()) {
            return all.get(s.page * PAGE + n - 1);
        } else {
            s.hint = "hint.choice";
        }
        return null;
    }

    private String screen(Session s, Lazy lazy) {
        String body = switch (s.screen) {
            case MAIN -> text(s, "main");
            case TYPE -> text(s, "type");
            case CATEGORY -> list(s, "category", lazy.categories(s.type, s.language));
            case REGION -> list(s, "region", lazy.regions(s.language));
            case DESCRIPTION -> text(s, "description");
            case CONFIRM -> confirmation(s);
            case CODE -> text(s, "code");
            case MINE -> latest(s.language, s.hint, lazy.latest().stream()
                    .map(r -> new Followed(r.trackingCode(), r.status(), r.dueAt())).toList());
            case ANSWER -> s.answerPages.get(s.page);
            case RATE_PICK -> {
                List<String> lines = new ArrayList<>();
                lines.add(text(s, "rate.pick"));
                List<Views.RequestSummary> rateable = lazy.rateable();
                for (int i = 0; i < rateable.size(); i++) {
                    lines.add((i + 1) + " " + rateable.get(i).trackingCode());
                }
                lines.add(text(s, "back"));
                yield String.join("\n", lines);
            }
            case RATE_SCORE -> text(s, "rate.score");
            case RATE_SATISFIED -> text(s, "rate.satisfied");
        };
        return s.hint == null ? body : text(s, s.hint) + "\n" + body;
    }

    private String list(Session s, String title, List<Choice> all) {
        return page(s.language, s.hint, title, s.page, all.stream().map(Choice::label).toList());
    }

    /**
     * Page {@code page} of a list (after the hint, if any), its labels written in GSM-7 where the
     * meaning survives and shortened as much as the screen needs.
     */
    static String page(String language, String hint, String title, int page, List<String> labels) {
        int pages = Math.max(1, (labels.size() + PAGE - 1) / PAGE);
        List<String> shown = labels.subList(Math.min(labels.size(), page * PAGE), Math.min(labels.size(), (page + 1) * PAGE));
        String foot = (page + 1 < pages ? text(language, "more") + "\n" : "") + text(language, "back");
        int room = MAX_SCREEN - "CON ".length() - (hint == null ? 0 : text(language, hint).length() + 1);
        for (int width = 40; ; width--) {
            StringBuilder screen = new StringBuilder(text(language, title, page + 1, pages)).append('\n');
            for (int i = 0; i < shown.size(); i++) {
                screen.append(i + 1).append(' ').append(shorten(SmsText.fit(shown.get(i)), width)).append('\n');
            }
            screen.append(foot);
            if (screen.length() <= room || width <= 4) {
                return screen.toString();
            }
        }
    }

    private String confirmation(Session s) {
        return confirmation(s.language, s.hint, s.type, s.category.label(), s.region.label(), s.description);
    }

    /** The confirmation screen (after the hint, if any): the description shortened as much as the screen needs. */
    static String confirmation(String language, String hint, RequestType type, String category, String region,
            String description) {
        String choices = text(language, "confirm.choices");
        String before = hint == null ? "" : text(language, hint) + "\n";
        String typed = SmsText.fit(description);
        for (int width = typed.length(); ; width--) {
            String screen = text(language, "confirm", text(language, "type." + type.name()),
                    shorten(SmsText.fit(category), 20), shorten(SmsText.fit(region), 20), shorten(typed, width)) + "\n" + choices;
            if ("CON ".length() + before.length() + screen.length() <= MAX_SCREEN || width <= 10) {
                return screen;
            }
        }
    }

    private String file(Session s, Call call) {
        String phone = call.phone();
        SubmitRequestCommand command = new SubmitRequestCommand(s.type, s.category.code(), Channel.USSD,
                subject(s.description), s.description, null,
                new SubmitRequestCommand.LocationInput(s.region.code(), null, null, null),
                new SubmitRequestCommand.ContactInput(null, null, phone, s.language), false);
        try {
            UUID account = identity.account(phone);
            // An aggregator that repeats the last step (a lost answer) gets the same request, not a second one.
            String key = "ussd-" + ci.milie.common.Secrets.sha256(call.aggregator() + "|" + call.sessionId());
            var outcome = submissions.submit(command, Caller.featurePhone(account), key);
            return text(s, "filed", outcome.receipt().trackingCode());
        } catch (ProblemException refused) {
            return refusal(s, refused);
        }
    }

    private String status(Session s, String input) {
        try {
            // the number is counted (PhoneIdentity), not the aggregator's address, which all its callers share
            Views.TrackingView tracked = queries.trackForCountedCaller(trackingCode(input));
            return statusLine(s.language, tracked.trackingCode(), tracked.status(), tracked.dueAt());
        } catch (ProblemException refused) {
            if (refused.status() == 404) {
                s.hint = "hint.code";
                return null;
            }
            return refusal(s, refused);
        }
    }

    /**
     * One of the caller's own requests, chosen on "Mes dernières demandes": its status and, once an
     * answer was delivered, that answer's text over as many screens as it needs. Following by code
     * (menu 2) stays status-only: anyone may know a code, only the number's owner reaches its answers.
     */
    private void read(Session s, Views.RequestSummary request) {
        List<AnswerLookup.AnswerSummary> delivered = answers.delivered(request.id());
        String status = statusLine(s.language, request.trackingCode(), request.status(), request.dueAt());
        if (delivered.isEmpty()) {
            s.end = status;
            return;
        }
        s.answerPages = answerPages(s.language, status, delivered.get(delivered.size() - 1).text());
        s.page = 0;
        if (s.answerPages.size() == 1) {
            s.end = s.answerPages.get(0);
        } else {
            s.screen = Screen.ANSWER;
        }
    }

    /**
     * An answer's text cut into screens, the status line heading the first: every screen but the
     * last ends with "1 Suite" and "0 Retour" (a CON screen), the last has neither (the END screen).
     * Each leaves room for the hint a wrong key puts above it, so a page is the same with or without
     * it; the text is cut between words where a word boundary lies in the second half of the room.
     */
    static List<String> answerPages(String language, String status, String answer) {
        String foot = "\n" + text(language, "answer.more") + "\n" + text(language, "back");
        int room = MAX_SCREEN - "CON ".length() - text(language, "hint.choice").length() - 1;
        String rest = SmsText.fit(answer).strip().replaceAll("\\s+", " ");
        List<String> pages = new ArrayList<>();
        String head = status + "\n";
        while (head.length() + rest.length() > room) {
            int width = room - head.length() - foot.length();
            int cut = rest.lastIndexOf(' ', width);
            if (cut < width / 2) {
                cut = width;
            }
            pages.add(head + rest.substring(0, cut).strip() + foot);
            rest = rest.substring(cut).strip();
            head = "";
        }
        pages.add(head + rest);
        return pages;
    }

    /** A request as "Mes dernières demandes" shows it. */
    record Followed(String trackingCode, RequestStatus status, Instant dueAt) {
    }

    /**
     * The screen of the caller's last requests (after the hint, if any), each a choice: with their
     * deadlines when the screen holds them, else without (three requests awaiting the citizen's
     * reply would not fit), else by their codes alone; choosing one shows its deadline, and its
     * answer once delivered.
     */
    static String latest(String language, String hint, List<Followed> mine) {
        int room = MAX_SCREEN - "CON ".length() - (hint == null ? 0 : text(language, hint).length() + 1);
        for (int detail = 2; ; detail--) {
            List<String> lines = new ArrayList<>();
            lines.add(text(language, "mine"));
            for (int i = 0; i < mine.size(); i++) {
                Followed r = mine.get(i);
                lines.add((i + 1) + " " + (detail == 0 ? r.trackingCode()
                        : statusLine(language, r.trackingCode(), r.status(), detail == 2 ? r.dueAt() : null)));
            }
            lines.add(text(language, "back"));
            String screen = String.join("\n", lines);
            if (detail == 0 || screen.length() <= room) {
                return screen;
            }
        }
    }

    private String rate(Session s, Lazy lazy, boolean satisfied) {
        try {
            feedback.rateByPhone(s.rated.id(), s.rating, satisfied, Caller.featurePhone(lazy.account().orElseThrow()));
            return text(s, "rated");
        } catch (ProblemException refused) {
            return refusal(s, refused);
        }
    }

    /** A request's status, and its deadline while it runs ({@code dueAt} null: none shown). */
    static String statusLine(String language, String code, RequestStatus status, Instant dueAt) {
        String label = text(language, "status." + status.name());
        boolean open = status != RequestStatus.CLOSED && status != RequestStatus.REJECTED && status != RequestStatus.ANSWERED;
        return open && dueAt != null ? text(language, "status", code, label, DAY.format(dueAt))
                : text(language, "status.noDeadline", code, label);
    }

    private static String refusal(Session s, ProblemException refused) {
        return text(s, refused.status() == 429 ? "limited" : "failed");
    }

    /** What a keypad gives: "7KQ29XD3", "mil 7kq2 9xd3"… as MIL-7KQ2-9XD3. */
    static String trackingCode(String input) {
        String compact = input.toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]", "");
        if (compact.startsWith("MIL")) {
            compact = compact.substring(3);
        }
        return compact.length() == 8 ? "MIL-" + compact.substring(0, 4) + "-" + compact.substring(4) : input;
    }

    /** The request's subject: its description's first words (a feature phone types one text). */
    static String subject(String description) {
        String text = description.strip().replaceAll("\\s+", " ");
        if (text.length() <= SUBJECT_MAX) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SUBJECT_MAX - 3);
        return text.substring(0, cut > 20 ? cut : SUBJECT_MAX - 3) + "...";
    }

    static String shorten(String text, int width) {
        return text.length() <= width ? text : text.substring(0, Math.max(1, width - 1)) + ".";
    }

    private static int number(String input) {
        return input.length() == 1 && Character.isDigit(input.charAt(0)) ? input.charAt(0) - '0' : -1;
    }

    private static String text(Session s, String key, Object... args) {
        return text(s.language, key, args);
    }

    /**
     * A text of the menu written in GSM-7 where the meaning survives ("Reçue" → "Recue"), as an
     * SMS is: a USSD string is 160 octets, 182 GSM-7 characters but only 80 in UCS-2, so one "ç"
     * would halve what a screen may hold (docs/CHANNELS.md shows each screen and its encoding).
     */
    static String text(String language, String key, Object... args) {
        return SmsText.fit(TEXTS.text(language, key, args));
    }
}
