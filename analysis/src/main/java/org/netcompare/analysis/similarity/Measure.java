package org.netcompare.analysis.similarity;

import java.util.Locale;

/** The similarity indices of two representations, by command-line name and JSON key. */
public enum Measure {
    /** Linear CKA, biased HSIC ({@link Cka#linear}). */
    CKA("cka", "cka_linear"),
    /** Linear CKA, unbiased HSIC ({@link Cka#linear}). */
    CKA_DEBIASED("cka-debiased", "cka_debiased"),
    /** CKA with Gaussian kernels ({@link Cka#rbf}). */
    CKA_RBF("cka-rbf", "cka_rbf"),
    /** Mean canonical correlation ({@link Cca#mean}). */
    CCA("cca", "cca_mean"),
    /** Mean CCA of the leading singular directions ({@link Svcca}). */
    SVCCA("svcca", "svcca"),
    /** Projection-weighted CCA ({@link Cca#pwcca}). */
    PWCCA("pwcca", "pwcca");

    private final String flag;
    private final String key;

    Measure(String flag, String key) {
        this.flag = flag;
        this.key = key;
    }

    /** The name {@code --measures} takes. */
    public String flag() {
        return flag;
    }

    /** The key of the value in JSON results. */
    public String key() {
        return key;
    }

    /** The measure a {@code --measures} name means. */
    public static Measure ofFlag(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (Measure measure : values()) {
            if (measure.flag.equals(wanted)) {
                return measure;
            }
        }
        throw new IllegalArgumentException("unknown measure '" + name
                + "'; known: cka, cka-debiased, cka-rbf, cca, svcca, pwcca");
    }
}
