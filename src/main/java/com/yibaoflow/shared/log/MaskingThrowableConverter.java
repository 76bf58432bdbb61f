package com.yibaoflow.shared.log;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/** Logback {@code %maskedEx}: stack traces with resident ID numbers masked (exception messages carry them too). */
public class MaskingThrowableConverter extends ExtendedThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return IdNumberMasking.mask(super.throwableProxyToString(tp));
    }
}
