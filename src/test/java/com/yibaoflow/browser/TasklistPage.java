package com.yibaoflow.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Camunda Tasklist (7.24, our zh-CN locale) as a caseworker uses it: login, filter, task, claim, form, complete. */
final class TasklistPage {

    private final Browser browser;

    TasklistPage(Browser browser) {
        this.browser = browser;
    }

    static By text(String text) {
        return By.xpath("//*[self::button or self::a or self::span or self::label or self::h4 or self::div]"
                + "[normalize-space(text())='" + text + "']");
    }

    TasklistPage open() {
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(browser.baseUrl + "/camunda/app/tasklist/default/");
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
        return this;
    }

    String bodyText() {
        return browser.driver.findElement(By.tagName("body")).getText();
    }

    /** The login form's placeholders and its button's text. */
    String loginTexts() {
        return browser.driver
                        .findElement(By.cssSelector("input:not([type=password])"))
                        .getDomAttribute("placeholder")
                + " "
                + browser.driver
                        .findElement(By.cssSelector("input[type=password]"))
                        .getDomAttribute("placeholder")
                + " "
                + browser.driver
                        .findElement(By.cssSelector("button[type=submit]"))
                        .getText();
    }

    TasklistPage login(String user, String password) {
        browser.driver.findElement(By.cssSelector("input:not([type=password])")).sendKeys(user);
        browser.driver.findElement(By.cssSelector("input[type=password]")).sendKeys(password);
        browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-filter")));
        return this;
    }

    TasklistPage filter(String name) {
        browser.await(ExpectedConditions.elementToBeClickable(
                        By.xpath("//*[contains(@class,'task-filter')]//*[normalize-space(text())='" + name + "']")))
                .click();
        return this;
    }

    /** Opens the first task in the list whose name contains {@code part} (the resident's name, say). */
    TasklistPage task(String part) {
        browser.await(ExpectedConditions.elementToBeClickable(
                        By.xpath("//*[contains(@class,'tasks-list')]//*[contains(@class,'task')]//*[contains(text(),'"
                                + part + "')]")))
                .click();
        return this;
    }

    /** Opens the task of the list whose link names {@code taskId}: the one of several alike-named tasks meant. */
    TasklistPage taskWithId(String taskId) {
        browser.await(ExpectedConditions.elementToBeClickable(
                        By.cssSelector(".tasks-list li.task h4.task a[href*='task=" + taskId + "']")))
                .click();
        return this;
    }

    TasklistPage claim() {
        browser.await(ExpectedConditions.elementToBeClickable(
                        By.xpath("//*[self::button or self::a][normalize-space()='认领']")))
                .click();
        // the form becomes editable once the task is ours
        browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-container")));
        return this;
    }

    /** Chooses a radio option of the Camunda Form by the label the caseworker reads. */
    TasklistPage choose(String optionLabel) {
        WebElement option = browser.await(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//*[contains(@class,'fjs-container')]//label[normalize-space()='" + optionLabel + "']")));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].click();", option);
        browser.await(d -> option.findElement(By.xpath(".//input|preceding-sibling::input[1]"))
                .isSelected());
        return this;
    }

    /** Types into the Camunda Form's text field or text area labelled {@code label}. */
    TasklistPage write(String label, String text) {
        WebElement field = browser.await(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[contains(@class,'fjs-container')]//label[starts-with(normalize-space(),'" + label + "')]"
                        + "/following::*[self::textarea or self::input][1]")));
        field.clear();
        // form-js debounces typing and takes the value on blur: leave the field, or "完成" submits it empty
        field.sendKeys(text, Keys.TAB);
        return this;
    }

    /** The value the Camunda Form shows in its read-only field labelled {@code label}; fails if it is editable. */
    String readOnlyValue(String label) {
        WebElement field = browser.await(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//*[contains(@class,'fjs-container')]//label[normalize-space()='" + label + "']"
                        + "/following::*[self::textarea or self::input][1]")));
        if (field.getDomAttribute("readonly") == null) {
            throw new AssertionError(label + " is editable");
        }
        return field.getDomProperty("value");
    }

    void complete() {
        WebElement button =
                browser.await(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='完成']")));
        // Tasklist's footer can overlap the button at the bottom of the window
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].click();", button);
    }
}
