package ci.milie.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ci.milie.client.ApiException;
import ci.milie.client.ApiResponse;
import ci.milie.client.model.Action;
import ci.milie.client.model.AdministrationKind;
import ci.milie.client.model.AdministrationView;
import ci.milie.client.model.AnswerSummary;
import ci.milie.client.model.AnswerView;
import ci.milie.client.model.CategoryView;
import ci.milie.client.model.Channel;
import ci.milie.client.model.ContactInput;
import ci.milie.client.model.CreateAdministrationCommand;
import ci.milie.client.model.CreateCategoryCommand;
import ci.milie.client.model.CreateStaffCommand;
import ci.milie.client.model.EventType;
import ci.milie.client.model.EventView;
import ci.milie.client.model.FeedbackCommand;
import ci.milie.client.model.FeedbackView;
import ci.milie.client.model.LocationInput;
import ci.milie.client.model.LoginCommand;
import ci.milie.client.model.MessageCommand;
import ci.milie.client.model.OtpRequestCommand;
import ci.milie.client.model.OtpVerifyCommand;
import ci.milie.client.model.QualificationCommand;
import ci.milie.client.model.QualificationDecision;
import ci.milie.client.model.ClaimCommand;
import ci.milie.client.model.MyRequestPage;
import ci.milie.client.model.RequestStatus;
import ci.milie.client.model.RequestSummary;
import ci.milie.client.model.RequestType;
import ci.milie.client.model.RequestView;
import ci.milie.client.model.ReviewCommand;
import ci.milie.client.model.ReviewDecision;
import ci.milie.client.model.RoutingCommand;
import ci.milie.client.model.Staff;
import ci.milie.client.model.StaffRole;
import ci.milie.client.model.SubmissionReceipt;
import ci.milie.client.model.SubmitAnswerCommand;
import ci.milie.client.model.SubmitRequestCommand;
import ci.milie.client.model.TrackingView;
import ci.milie.notification.OutboxRelay;
import ci.milie.support.Api;
import ci.milie.support.Codes;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The citizen's and the staff's journeys as a client team writes them: through the Java client the
 * build generates from the committed contract, and nothing else (no hand-written HTTP). Every
 * Location received is followed to the GET the contract names for it; every change of a request is
 * sent with If-Match, the ETag of the caller's last read.
 */
@QuarkusTest
class GeneratedClientJourneysTest {

    private static final String BOOTSTRAP_EMAIL = "bootstrap@milie.test";
    private static final String BOOTSTRAP_PASSWORD = "Bootstrap-Test-2026!";
    private static final String STAFF_PASSWORD = "Generated-Client-2026!";

    @TestHTTPResource("/")
    URI base;

    @Inject
    MockMailbox mailbox;

    @Inject
    OutboxRelay relay;

    /** An administration with a category routed to it, and OSEP's and its agent's signed-in clients. */
    private record Office(UUID administrationId, String categoryCode, Caller osep, Caller agent) {
    }

    @Test
    void aCitizenFilesWithoutAnAccountFollowsTheRequestRepliesAndRatesTheAnswer() throws ApiException {
        Office office = office(false);
        String email = Api.uniqueEmail("client-citizen");
        Caller anonymous = Caller.anonymous(base);

        // Filed without an account, with an Idempotency-Key: a retry on a flaky network gets the same receipt.
        SubmitRequestCommand complaint = complaint(office.categoryCode(), email);
        String idempotencyKey = UUID.randomUUID().toString();
        ApiResponse<SubmissionReceipt> submitted = anonymous.requests().submitRequestWithHttpInfo(complaint, idempotencyKey);
        assertEquals(201, submitted.getStatusCode());
        SubmissionReceipt receipt = submitted.getData();
        assertTrue(receipt.getTrackingCode().matches("MIL-[0-9A-Z]{4}-[0-9A-Z]{4}"), receipt.getTrackingCode());
        assertEquals(RequestStatus.RECEIVED, receipt.getStatus());
        assertNotNull(receipt.getAccessKey(), "the key is shown on the receipt");
        Caller holder = Caller.keyHolder(base, receipt.getAccessKey());
        Locations.followRequired(submitted, holder);

        ApiResponse<SubmissionReceipt> retried = anonymous.requests().submitRequestWithHttpInfo(complaint, idempotencyKey);
        assertEquals(List.of("true"), retried.getHeaders().get("idempotent-replayed"));
        assertEquals(receipt.getId(), retried.getData().getId());
        assertEquals(receipt.getAccessKey(), retried.getData().getAccessKey());
        Locations.followRequired(retried, holder);

        // The key holder tracks it by its code: the keyed view names the request.
        TrackingView tracked = holder.tracking().trackRequest(receipt.getTrackingCode(), null, null, holder.accessKey());
        assertEquals(receipt.getTrackingCode(), tracked.getTrackingCode());
        assertEquals(receipt.getId(), tracked.getId());
        assertEquals(RequestStatus.RECEIVED, tracked.getStatus());
        assertEquals(List.of(), tracked.getAnswers());
        assertEquals(EventType.SUBMITTED, tracked.getTimeline().get(0).getType());

        // The citizen signs in with a one-time code sent to the same e-mail.
        Caller citizen = signInWithCode(email);
        assertEquals(email, citizen.authentication().getMe().getEmail());

        // Filed without an account, the request is not the account's yet.
        MyRequestPage before = citizen.requests().listMyRequests(null, null, null, null);
        assertEquals(List.of(), before.getItems(), "the account's requests before the claim");
        assertEquals(0L, before.getTotal());

        // The citizen claims it with its code and key: the e-mail it was filed with is the one just proven.
        ApiResponse<RequestView> claimed = citizen.requests().claimRequestWithHttpInfo(
                new ClaimCommand().trackingCode(receipt.getTrackingCode()).accessKey(receipt.getAccessKey()));
        assertEquals(200, claimed.getStatusCode());
        assertEquals(receipt.getId(), claimed.getData().getId());
        Locations.followRequired(claimed, citizen);
        // From now on the citizen acts with the account's token, not the key.
        Caller owner = citizen;

        MyRequestPage myRequests = citizen.requests().listMyRequests(null, null, null, null);
        assertEquals(Set.of(receipt.getId()), Set.copyOf(myRequests.getItems().stream().map(RequestSummary::getId).toList()),
                "the account's requests after the claim");
        assertEquals(1L, myRequests.getTotal());
        assertNull(myRequests.getNextCursor(), "one page");

        // OSEP routes it, the agent acknowledges it and asks a question.
        RequestView routed = office.osep().requests().routeRequest(receipt.getId(),
                new RoutingCommand().administrationId(office.administrationId()), etag(office.osep(), receipt.getId()));
        assertEquals(RequestStatus.ROUTED, routed.getStatus());
        office.agent().requests().acknowledgeRequest(receipt.getId(), etag(office.agent(), receipt.getId()));
        RequestView asked = office.agent().requests().sendRequestMessage(receipt.getId(),
                new MessageCommand().text("Quel est le numéro de votre dossier à la mairie ?"),
                etag(office.agent(), receipt.getId()), null);
        assertEquals(RequestStatus.AWAITING_CITIZEN, asked.getStatus());

        // The citizen sees the question on the request and replies.
        RequestView waiting = owner.requests().getRequest(receipt.getId(), owner.accessKey());
        assertTrue(waiting.getAllowedActions().contains(Action.REPLY), "allowed: " + waiting.getAllowedActions());
        RequestView replied = owner.requests().sendRequestMessage(receipt.getId(),
                new MessageCommand().text("C'est le dossier 2026-0412."), etag(owner, receipt.getId()), owner.accessKey());
        assertEquals(RequestStatus.IN_PROGRESS, replied.getStatus());

        // This administration's answers go straight to the citizen.
        ApiResponse<AnswerView> answered = office.agent().answers().submitAnswerWithHttpInfo(receipt.getId(),
                new SubmitAnswerCommand().text("Votre extrait est prêt : guichet 3 de la mairie de Yopougon."),
                etag(office.agent(), receipt.getId()));
        assertEquals(201, answered.getStatusCode());
        assertEquals(RequestStatus.ANSWERED, answered.getData().getRequestStatus());
        Locations.followRequired(answered, office.agent());

        RequestView answer = owner.requests().getRequest(receipt.getId(), owner.accessKey());
        assertEquals(RequestStatus.ANSWERED, answer.getStatus());
        assertEquals("Votre extrait est prêt : guichet 3 de la mairie de Yopougon.", answer.getAnswers().get(0).getText());
        assertTrue(answer.getAllowedActions().containsAll(List.of(Action.RATE, Action.REOPEN)),
                "allowed: " + answer.getAllowedActions());
        assertNotNull(answer.getReopenUntil(), "the window to dispute the answer");

        // Satisfied, the citizen rates the answer: the request is closed.
        ApiResponse<FeedbackView> rated = owner.feedback().rateAnswerWithHttpInfo(receipt.getId(),
                new FeedbackCommand().rating(5).satisfied(true).comment("Merci !"), owner.accessKey());
        assertEquals(201, rated.getStatusCode());
        assertEquals(5, rated.getData().getRating());
        assertEquals(answered.getData().getId(), rated.getData().getAnswerId());
        Locations.follow(rated, owner);

        TrackingView closed = holder.tracking().trackRequest(receipt.getTrackingCode(), null, null, holder.accessKey());
        assertEquals(RequestStatus.CLOSED, closed.getStatus());
        List<EventType> timeline = closed.getTimeline().stream().map(EventView::getType).toList();
        assertEquals(List.of(EventType.FEEDBACK_GIVEN, EventType.CLOSED), timeline.subList(timeline.size() - 2, timeline.size()));
    }

    @Test
    void staffQualifyRouteAcknowledgeAnswerAndReviewThenTheCitizenReadsTheAnswer() throws ApiException {
        Office office = office(true);
        Caller anonymous = Caller.anonymous(base);
        ApiResponse<SubmissionReceipt> submitted = anonymous.requests()
                .submitRequestWithHttpInfo(complaint(office.categoryCode(), Api.uniqueEmail("client-staff")), null);
        SubmissionReceipt receipt = submitted.getData();
        UUID id = receipt.getId();
        Caller holder = Caller.keyHolder(base, receipt.getAccessKey());
        Locations.followRequired(submitted, holder);

        // OSEP reads the new request: the category's administration is suggested, qualifying and routing allowed.
        ApiResponse<RequestView> read = office.osep().requests().getRequestWithHttpInfo(id, null);
        RequestView fresh = read.getData();
        assertEquals(RequestStatus.RECEIVED, fresh.getStatus());
        assertFalse(fresh.getQualified());
        assertEquals(office.administrationId(), fresh.getDefaultAdministration().getId());
        assertTrue(fresh.getAllowedActions().containsAll(List.of(Action.QUALIFY, Action.ROUTE)),
                "allowed: " + fresh.getAllowedActions());
        String firstRead = read.getHeaders().get("etag").get(0);

        RequestView qualified = office.osep().requests().qualifyRequest(id,
                new QualificationCommand().decision(QualificationDecision.ACCEPT), firstRead);
        assertEquals(RequestStatus.RECEIVED, qualified.getStatus());
        assertTrue(qualified.getQualified());

        // If-Match reaches the API through the generated parameter: the first read is now stale.
        ApiException stale = assertThrows(ApiException.class, () -> office.osep().requests().routeRequest(id,
                new RoutingCommand().administrationId(office.administrationId()), firstRead));
        assertEquals(409, stale.getCode());
        assertTrue(stale.getResponseBody().contains("CONCURRENT_MODIFICATION"), stale.getResponseBody());

        RequestView routed = office.osep().requests().routeRequest(id,
                new RoutingCommand().administrationId(office.administrationId()), etag(office.osep(), id));
        assertEquals(RequestStatus.ROUTED, routed.getStatus());
        assertEquals(office.administrationId(), routed.getAdministration().getId());
        assertNotNull(routed.getDueAt(), "the administration's deadline runs");

        RequestView acknowledged = office.agent().requests().acknowledgeRequest(id, etag(office.agent(), id));
        assertEquals(RequestStatus.IN_PROGRESS, acknowledged.getStatus());
        assertTrue(acknowledged.getAllowedActions().contains(Action.SUBMIT_ANSWER), "allowed: " + acknowledged.getAllowedActions());

        // The answer waits for OSEP's review, then reaches the citizen.
        ApiResponse<AnswerView> submittedAnswer = office.agent().answers().submitAnswerWithHttpInfo(id,
                new SubmitAnswerCommand().text("Votre dossier est complet : retrait lundi au guichet 2."),
                etag(office.agent(), id));
        assertEquals(201, submittedAnswer.getStatusCode());
        AnswerView pending = submittedAnswer.getData();
        assertEquals(AnswerView.StatusEnum.UNDER_REVIEW, pending.getStatus());
        assertEquals(RequestStatus.UNDER_REVIEW, pending.getRequestStatus());
        AnswerView atLocation = (AnswerView) Locations.followRequired(submittedAnswer, office.agent());
        assertEquals("Votre dossier est complet : retrait lundi au guichet 2.", atLocation.getText());

        RequestView underReview = office.osep().requests().getRequest(id, null);
        assertTrue(underReview.getAllowedActions().containsAll(List.of(Action.APPROVE_ANSWER, Action.RETURN_ANSWER)),
                "allowed: " + underReview.getAllowedActions());
        AnswerView approved = office.osep().answers().reviewAnswer(pending.getId(), id,
                new ReviewCommand().decision(ReviewDecision.APPROVE), etag(office.osep(), id));
        assertEquals(AnswerView.StatusEnum.DELIVERED, approved.getStatus());
        assertEquals(RequestStatus.ANSWERED, approved.getRequestStatus());
        assertNotNull(approved.getDeliveredAt());

        // The citizen, with the key, reads the answer on the tracking view and may rate or dispute it.
        TrackingView tracked = holder.tracking().trackRequest(receipt.getTrackingCode(), null, null, holder.accessKey());
        assertEquals(RequestStatus.ANSWERED, tracked.getStatus());
        assertEquals(List.of("Votre dossier est complet : retrait lundi au guichet 2."),
                tracked.getAnswers().stream().map(AnswerSummary::getText).toList());
        assertTrue(tracked.getTimeline().stream().map(EventView::getType).toList().contains(EventType.ANSWER_DELIVERED));
        RequestView seen = holder.requests().getRequest(id, holder.accessKey());
        assertTrue(seen.getAllowedActions().containsAll(List.of(Action.RATE, Action.REOPEN)),
                "allowed: " + seen.getAllowedActions());
    }

    /** Set up by the bootstrap sysadmin through the client: administration, category, OSEP and agent accounts. */
    private Office office(boolean answerReviewRequired) throws ApiException {
        Caller sysadmin = signIn(BOOTSTRAP_EMAIL, BOOTSTRAP_PASSWORD);
        String code = "G" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

        ApiResponse<AdministrationView> administration = sysadmin.directory().createAdministrationWithHttpInfo(
                new CreateAdministrationCommand().code(code).name("Mairie " + code).kind(AdministrationKind.LOCAL_AUTHORITY)
                        .contactEmail("contact@" + code.toLowerCase() + ".gouv.ci").answerReviewRequired(answerReviewRequired));
        assertEquals(201, administration.getStatusCode());
        Locations.followRequired(administration, sysadmin);
        UUID administrationId = administration.getData().getId();

        ApiResponse<CategoryView> category = sysadmin.directory().createCategoryWithHttpInfo(new CreateCategoryCommand()
                .code(code).labelFr("État civil " + code).labelEn("Civil registry " + code)
                .applicableTypes(Set.of(RequestType.COMPLAINT)).defaultAdministrationId(administrationId));
        assertEquals(201, category.getStatusCode());
        Locations.followRequired(category, sysadmin);

        String osepEmail = Api.uniqueEmail("client-osep");
        String agentEmail = Api.uniqueEmail("client-agent");
        createStaff(sysadmin, osepEmail, StaffRole.OSEP, null);
        createStaff(sysadmin, agentEmail, StaffRole.AGENT, administrationId);
        return new Office(administrationId, code, signIn(osepEmail, STAFF_PASSWORD), signIn(agentEmail, STAFF_PASSWORD));
    }

    private void createStaff(Caller sysadmin, String email, StaffRole role, UUID administrationId) throws ApiException {
        ApiResponse<Staff> created = sysadmin.staff().createStaffWithHttpInfo(new CreateStaffCommand().email(email)
                .fullName("Agent " + role.getValue()).role(role).administrationId(administrationId).password(STAFF_PASSWORD));
        assertEquals(201, created.getStatusCode());
        assertEquals(role, created.getData().getRole());
        assertTrue(created.getData().getActive());
        Locations.followRequired(created, sysadmin);
    }

    private Caller signIn(String email, String password) throws ApiException {
        String token = Caller.anonymous(base).authentication()
                .signIn(new LoginCommand().email(email).password(password)).getAccessToken();
        return Caller.signedIn(base, token);
    }

    private Caller signInWithCode(String email) throws ApiException {
        Caller anonymous = Caller.anonymous(base);
        anonymous.authentication().sendSignInCode(new OtpRequestCommand().email(email));
        String code = Codes.lastMailedTo(mailbox, relay, email, "Votre code de connexion Miliê");
        String token = anonymous.authentication().signInWithCode(new OtpVerifyCommand().email(email).code(code)).getAccessToken();
        return Caller.signedIn(base, token);
    }

    /** The ETag of the caller's read of the request now, to send back as If-Match. */
    private static String etag(Caller caller, UUID id) throws ApiException {
        ApiResponse<RequestView> read = caller.requests().getRequestWithHttpInfo(id, caller.accessKey());
        List<String> etags = read.getHeaders().get("etag");
        assertTrue(etags != null && etags.size() == 1, "GET /requests/{id} carries one ETag");
        return etags.get(0);
    }

    private static SubmitRequestCommand complaint(String categoryCode, String email) {
        return new SubmitRequestCommand().type(RequestType.COMPLAINT).categoryCode(categoryCode).channel(Channel.MOBILE)
                .subject("Extrait de naissance introuvable")
                .description("Demandé il y a 3 mois à la mairie de Yopougon, toujours rien.")
                .location(new LocationInput().region("Abidjan").locality("Yopougon").latitude(5.336).longitude(-4.087))
                .contact(new ContactInput().fullName("Awa Traoré").email(email).preferredLanguage("fr"))
                .anonymous(false);
    }
}
