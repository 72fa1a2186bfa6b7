/**
 * Building blocks of GradNet (Daroczy, Aleksziev, Benczur, "Tangent Space Separability in
 * Feedforward Neural Networks"; METHODS.md section 2): per-layer weight gradients of a trained
 * base network as sample features, their per-layer sparsification, and their normalisation.
 */
package org.netcompare.nets.gradnet;
