package ci.milie.feedback;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class FeedbackRepository implements PanacheRepositoryBase<Feedback, UUID> {

    boolean existsFor(UUID answerId) {
        return count("answerId", answerId) > 0;
    }
}
