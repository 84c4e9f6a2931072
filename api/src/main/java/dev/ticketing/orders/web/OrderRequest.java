package dev.ticketing.orders.web;

import dev.ticketing.api.CodePoints;
import dev.ticketing.api.PlainText;
import dev.ticketing.api.Text;
import dev.ticketing.api.Visible;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** The ticket to buy. */
record OrderRequest(
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            minLength = 1,
            maxLength = 100,
            pattern = Text.VISIBLE,
            example = "6b06ddcdcca1f3f6e6fea0d9")
        @Visible(message = "TicketId must be provided")
        @CodePoints(max = 100, message = "TicketId must be at most 100 characters")
        @PlainText(message = "TicketId must not contain NUL or unpaired surrogate characters")
        @Nullable String ticketId) {}
