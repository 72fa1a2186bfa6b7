package org.netcompare.nets.train;

/**
 * PyTorch's {@code torch.optim.lr_scheduler.StepLR}: the learning rate of epoch e (from 0) is
 * {@code base * gamma^floor(e / stepSize)}.
 */
public record StepSchedule(int stepSize, double gamma) {

    /** A schedule that keeps the base rate. */
    public static final StepSchedule CONSTANT = new StepSchedule(Integer.MAX_VALUE, 1);

    /** @throws IllegalArgumentException for a step size below 1 or gamma outside (0, 1] */
    public StepSchedule {
        if (stepSize < 1) {
            throw new IllegalArgumentException("step size must be at least 1 epoch, got "
                    + stepSize);
        }
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must lie in (0, 1], got " + gamma);
        }
    }

    /** The learning rate for {@code epoch} (0-based) given the base rate. */
    public double rate(double base, int epoch) {
        return base * Math.pow(gamma, epoch / stepSize);
    }
}
