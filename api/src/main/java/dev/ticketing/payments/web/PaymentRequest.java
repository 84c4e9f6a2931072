package dev.ticketing.payments.web;

import dev.ticketing.api.CodePoints;
import dev.ticketing.api.PlainText;
import dev.ticketing.api.Text;
import dev.ticketing.api.Visible;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** The order to pay, and a Stripe token or PaymentMethod id to pay it with. */
record PaymentRequest(
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            minLength = 1,
            maxLength = 100,
            pattern = Text.VISIBLE,
            example = "6b06ddcdcca1f3f6e6fea0d9")
        @Visible(message = "OrderId is required")
        @CodePoints(max = 100, message = "OrderId must be at most 100 characters")
        @PlainText(message = "OrderId must not contain NUL or unpaired surrogate characters")
        @Nullable String orderId,
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            minLength = 1,
            maxLength = 255,
            pattern = Text.VISIBLE,
            example = "tok_visa")
        @Visible(message = "Token is required")
        @CodePoints(max = 255, message = "Token must be at most 255 characters")
        @PlainText(message = "Token must not contain NUL or unpaired surrogate characters")
        @Nullable String token) {}
