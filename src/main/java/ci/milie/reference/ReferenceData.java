package ci.milie.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ci.milie.directory.AdministrationKind;
import ci.milie.directory.RequestType;
import ci.milie.feedback.SatisfactionCriterion;
import ci.milie.request.Channel;
import ci.milie.request.Commands.RejectionReason;
import ci.milie.request.EventType;
import ci.milie.request.RequestStatus;
import ci.milie.request.Stage;

/** The document an app caches: every code it shows, with its French and English labels. */
@Schema(name = "ReferenceData", description = "Codes and their labels in French and English")
public record ReferenceData(
        @Schema(description = "The 2 autonomous districts (Abidjan, Yamoussoukro) and the 31 regions; "
                + "location.region of a request takes one of these codes") List<RegionItem> regions,
        @Schema(description = "The 14 districts the regions belong to") List<Item> districts,
        List<Item> requestTypes,
        List<Item> channels,
        List<Item> statuses,
        List<Item> eventTypes,
        List<Item> rejectionReasons,
        @Schema(description = "The detailed ratings of feedback (criteria)") List<Item> satisfactionCriteria,
        @Schema(description = "The stages a deadline applies to") List<Item> stages,
        List<Item> administrationKinds) {

    @Schema(name = "ReferenceItem")
    public record Item(@Schema(examples = "COMPLAINT") String code, @Schema(examples = "Réclamation") String labelFr,
            @Schema(examples = "Complaint") String labelEn) {
    }

    @Schema(name = "RegionItem")
    public record RegionItem(@Schema(examples = "AGNEBY_TIASSA") String code,
            @Schema(examples = "Agnéby-Tiassa") String labelFr, @Schema(examples = "Agnéby-Tiassa") String labelEn,
            @Schema(description = "REGION, or AUTONOMOUS_DISTRICT for Abidjan and Yamoussoukro", enumeration = {
                    "REGION", "AUTONOMOUS_DISTRICT" }) String kind,
            @Schema(examples = "LAGUNES") String districtCode,
            @Schema(description = "false: no longer accepted on new requests, still named by older ones") boolean active) {
    }

    /** The enums listed, by the name of their list: the one place a new list is added. */
    static final Map<String, Class<? extends Enum<?>>> ENUMS = enums();

    private static Map<String, Class<? extends Enum<?>>> enums() {
        Map<String, Class<? extends Enum<?>>> enums = new LinkedHashMap<>();
        enums.put("requestTypes", RequestType.class);
        enums.put("channels", Channel.class);
        enums.put("statuses", RequestStatus.class);
        enums.put("eventTypes", EventType.class);
        enums.put("rejectionReasons", RejectionReason.class);
        enums.put("satisfactionCriteria", SatisfactionCriterion.class);
        enums.put("stages", Stage.class);
        enums.put("administrationKinds", AdministrationKind.class);
        return enums;
    }

    /** The labelled values of one enum; refuses a value without both labels. */
    static List<Item> items(Class<? extends Enum<?>> type, Labels labels) {
        List<Item> items = new ArrayList<>();
        for (Enum<?> value : type.getEnumConstants()) {
            String fr = labels.fr(value);
            String en = labels.en(value);
            if (fr == null || en == null) {
                throw new IllegalStateException("No " + (fr == null ? "French" : "English") + " label for "
                        + Labels.key(value) + " in messages/labels_" + (fr == null ? "fr" : "en") + ".properties");
            }
            items.add(new Item(value.name(), fr, en));
        }
        return List.copyOf(items);
    }
}
