-- hazard: BACKWARD_INCOMPATIBLE drops view "active_count": code using it breaks
-- hazard: BACKWARD_INCOMPATIBLE drops view "active_users": code using it breaks

DROP VIEW "active_count";
--> statement-breakpoint
DROP VIEW "active_users";
