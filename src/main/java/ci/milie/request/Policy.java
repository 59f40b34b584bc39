package ci.milie.request;

import java.util.Optional;

import ci.milie.common.ProblemException;

/**
 * A named rule of the lifecycle that is not a status: given the request, what the action carries
 * and the circumstances, allowed (empty) or refused with the reason. Those that read the payload
 * are the caller's input: they are not consulted to say which actions a caller may take.
 */
public interface Policy {

    String name();

    boolean readsInput();

    Optional<ProblemException> refusal(CitizenRequest request, Payload payload, Circumstances circumstances);
}
