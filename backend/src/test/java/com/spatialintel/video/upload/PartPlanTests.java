package com.spatialintel.video.upload;

import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@UnitTest
class PartPlanTests {

	private static final long MIB = 1024 * 1024;

	@Test
	void usesTheConfiguredPartSize() {
		assertThat(PartPlan.of(25 * MIB, 10 * MIB)).isEqualTo(new PartPlan(10 * MIB, 3));
		assertThat(PartPlan.of(20 * MIB, 10 * MIB)).isEqualTo(new PartPlan(10 * MIB, 2));
		assertThat(PartPlan.of(1, 10 * MIB)).isEqualTo(new PartPlan(10 * MIB, 1));
		assertThat(PartPlan.of(2048 * MIB, 10 * MIB)).isEqualTo(new PartPlan(10 * MIB, 205));
	}

	@Test
	void raisesThePartSizeInWholeMebibytesToStayWithinTenThousandParts() {
		PartPlan plan = PartPlan.of(200_000 * MIB, 10 * MIB);

		assertThat(plan.partSizeBytes()).isEqualTo(20 * MIB);
		assertThat(plan.totalParts()).isEqualTo(10_000);
		PartPlan odd = PartPlan.of(100_000 * MIB + 1, 10 * MIB);
		assertThat(odd.partSizeBytes()).isEqualTo(11 * MIB);
		assertThat(odd.totalParts()).isLessThanOrEqualTo(10_000);
	}

}
