package org.netcompare.nets.gradnet;

/**
 * A fitted map of GradNet features (blocks[b][entry], one block per base layer, as
 * {@link GradientFeatures} gives them) to features of the same shape. Fitting happens on the
 * training features only (see {@link Normalization}); applying never changes the fit.
 */
@FunctionalInterface
public interface FeatureTransform {

    /**
     * The transformed copy of one sample's feature (the argument is left unchanged).
     *
     * @throws IllegalArgumentException if the block sizes differ from the fitted ones
     */
    float[][] apply(float[][] feature);

    /** This transform followed by {@code next}. */
    default FeatureTransform andThen(FeatureTransform next) {
        return feature -> next.apply(apply(feature));
    }
}
