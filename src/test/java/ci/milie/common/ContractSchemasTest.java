package ci.milie.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.junit.jupiter.api.Test;

/** The schema filter makes response properties required, null or not, and refuses untyped ones. */
class ContractSchemasTest {

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(SchemaType.STRING);
    }

    private static OpenAPI api(Schema view, Schema command) {
        return OASFactory.createOpenAPI()
                .components(OASFactory.createComponents()
                        .addSchema("View", view)
                        .addSchema("Command", command)
                        .addSchema("Instant", OASFactory.createSchema().addType(SchemaType.STRING).format("date-time")))
                .paths(OASFactory.createPaths().addPathItem("/things", OASFactory.createPathItem()
                        .POST(OASFactory.createOperation()
                                .requestBody(OASFactory.createRequestBody().content(OASFactory.createContent()
                                        .addMediaType("application/json", OASFactory.createMediaType().schema(ref("Command")))))
                                .responses(OASFactory.createAPIResponses().addAPIResponse("201", OASFactory.createAPIResponse()
                                        .content(OASFactory.createContent().addMediaType("application/json",
                                                OASFactory.createMediaType().schema(ref("View")))))))));
    }

    @Test
    void responsePropertiesAreAllRequiredAndCommandsKeepTheirOwn() {
        Schema view = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("trackingCode", string())
                .addProperty("submittedAt", ref("Instant"))
                .addProperty("administrationName", OASFactory.createSchema().type(List.of(SchemaType.STRING, SchemaType.NULL)))
                .addProperty("dueAt", OASFactory.createSchema().anyOf(List.of(ref("Instant"),
                        OASFactory.createSchema().addType(SchemaType.NULL))));
        Schema command = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("subject", string()).addProperty("note", string()).required(List.of("subject"));
        OpenAPI api = api(view, command);

        new ContractSchemas().filterOpenAPI(api);

        assertEquals(List.of("trackingCode", "submittedAt", "administrationName", "dueAt"), view.getRequired());
        assertEquals(List.of("subject"), command.getRequired());
    }

    @Test
    void aSchemaInBothARequestAndAResponseRequiresOnlyWhatIsNeverNull() {
        Schema criteria = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("rating", OASFactory.createSchema().addType(SchemaType.INTEGER))
                .addProperty("comment", OASFactory.createSchema().type(List.of(SchemaType.STRING, SchemaType.NULL)));
        Schema view = OASFactory.createSchema().addType(SchemaType.OBJECT).addProperty("criteria", ref("Criteria"));
        Schema command = OASFactory.createSchema().addType(SchemaType.OBJECT).addProperty("criteria", ref("Criteria"));
        OpenAPI api = api(view, command);
        api.getComponents().addSchema("Criteria", criteria);

        new ContractSchemas().filterOpenAPI(api);

        assertEquals(List.of("rating"), criteria.getRequired());
        assertEquals(List.of("criteria"), view.getRequired());
        assertNull(command.getRequired());
    }

    @Test
    void aJsonCommandRefusesUnknownPropertiesButASchemaAlsoReadInResponsesDoesNot() {
        Schema criteria = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("rating", OASFactory.createSchema().addType(SchemaType.INTEGER));
        Schema view = OASFactory.createSchema().addType(SchemaType.OBJECT).addProperty("criteria", ref("Criteria"));
        Schema command = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("subject", string()).addProperty("criteria", ref("Criteria"));
        OpenAPI api = api(view, command);
        api.getComponents().addSchema("Criteria", criteria);

        new ContractSchemas().filterOpenAPI(api);

        assertEquals(Boolean.FALSE, command.getAdditionalPropertiesBoolean());
        assertNull(criteria.getAdditionalPropertiesBoolean());
        assertNull(view.getAdditionalPropertiesBoolean());
    }

    @Test
    void aTypeBesideAReferenceIsDropped() {
        Schema status = ref("Instant").addType(SchemaType.STRING).description("When it was sent");
        Schema view = OASFactory.createSchema().addType(SchemaType.OBJECT).addProperty("sentAt", status);

        new ContractSchemas().filterOpenAPI(api(view, OASFactory.createSchema().addType(SchemaType.OBJECT)));

        assertNull(status.getType());
        assertEquals("When it was sent", status.getDescription());
        assertEquals(List.of("sentAt"), view.getRequired());
    }

    @Test
    void anUntypedResponsePropertyFailsTheBuild() {
        Schema view = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("payload", OASFactory.createSchema().description("anything"));

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new ContractSchemas().filterOpenAPI(api(view, OASFactory.createSchema().addType(SchemaType.OBJECT))));
        assertTrue(refused.getMessage().contains("View.payload"), refused.getMessage());
    }
}
