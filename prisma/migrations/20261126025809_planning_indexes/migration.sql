-- CreateIndex
CREATE INDEX "Assignment_unitId_dueAt_idx" ON "Assignment"("unitId", "dueAt");

-- CreateIndex
CREATE INDEX "Assignment_directiveId_state_unitId_lastReportAt_idx" ON "Assignment"("directiveId", "state", "unitId", "lastReportAt");
