package ci.milie.identity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
class StaffRoleConverter implements AttributeConverter<StaffRole, String> {

    @Override
    public String convertToDatabaseColumn(StaffRole role) {
        return role == null ? null : role.group();
    }

    @Override
    public StaffRole convertToEntityAttribute(String group) {
        return group == null ? null : StaffRole.ofGroup(group);
    }
}
