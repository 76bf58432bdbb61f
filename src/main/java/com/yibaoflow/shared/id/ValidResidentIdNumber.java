package com.yibaoflow.shared.id;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bean Validation of a resident ID number in a request body: present, 18 characters, a real birth date and the
 * GB 11643 check digit ({@link ResidentIdNumber#isValid}). The problem names the field.
 */
@Documented
@Constraint(validatedBy = ValidResidentIdNumber.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidResidentIdNumber {

    String message() default "is not a valid resident ID number (GB 11643 check digit)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidResidentIdNumber, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value != null && ResidentIdNumber.isValid(value.strip());
        }
    }
}
