package dev.evtrace.agent.instrumentation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.StackManipulation;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Binds the advice's {@link Event} parameter to the instrumented method's event argument: the first
 * parameter that can hold an event of the configured class (that class, a subtype, or Object, as in
 * Guava's post(Object)), or the first parameter when none is configured. Resolved once per instrumented
 * method, at instrumentation time.
 */
public final class EventArgument implements Advice.OffsetMapping {
    @Retention(RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(ElementType.PARAMETER)
    public @interface Event {}

    private final String eventClass;

    public EventArgument(String eventClass) {
        this.eventClass = eventClass;
    }

    /** The index of the event parameter, or -1 when the method has none. */
    public static int eventIndex(MethodDescription method, String eventClass) {
        int i = 0;
        for (ParameterDescription p : method.getParameters()) {
            TypeDescription type = p.getType().asErasure();
            if (eventClass.isEmpty()) {
                return type.isPrimitive() ? -1 : 0;
            }
            if (type.represents(Object.class) || isA(type, eventClass)) {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static boolean isA(TypeDefinition type, String className) {
        if (type == null) {
            return false;
        }
        if (type.asErasure().getName().equals(className)) {
            return true;
        }
        for (TypeDescription.Generic i : type.getInterfaces()) {
            if (isA(i, className)) {
                return true;
            }
        }
        return isA(type.getSuperClass(), className);
    }

    @Override
    public Target resolve(TypeDescription instrumentedType, MethodDescription instrumentedMethod, Assigner assigner,
                          Advice.ArgumentHandler argumentHandler, Sort sort) {
        int index = eventIndex(instrumentedMethod, eventClass);
        if (index < 0) {
            throw new IllegalStateException(instrumentedMethod + " has no event argument");
        }
        ParameterDescription parameter = instrumentedMethod.getParameters().get(index);
        StackManipulation toObject = assigner.assign(parameter.getType(), TypeDescription.Generic.OfNonGenericType.ForLoadedType.of(Object.class),
                Assigner.Typing.STATIC);
        return new Target.ForVariable.ReadOnly(parameter.getType(), argumentHandler.argument(parameter.getOffset()), toObject);
    }
}
