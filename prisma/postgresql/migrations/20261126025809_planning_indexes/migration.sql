-- CreateIndex
CREATE INDEX "Assignment_dueAt_idx" ON "Assignment"("dueAt");

-- CreateIndex
CREATE INDEX "Assignment_directiveId_state_unitId_lastReportAt_idx" ON "Assignment"("directiveId", "state", "unitId", "lastReportAt");
