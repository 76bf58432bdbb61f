package com.yibaoflow.shared.log;

import com.yibaoflow.shared.id.ResidentIdNumber;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks anything in a text that looks like an 18-character resident ID number. */
public final class IdNumberMasking {

    private static final Pattern ID_LIKE = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[\\dXx](?![0-9A-Za-z])");

    private IdNumberMasking() {}

    public static String mask(String text) {
        if (text == null || text.length() < 18) {
            return text;
        }
        Matcher m = ID_LIKE.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(ResidentIdNumber.mask(m.group())));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
