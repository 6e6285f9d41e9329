// Passkey ceremonies for forms marked data-passkey="create" or "get": ask the server for options,
// let the browser talk to the authenticator, then submit the form with the JSON answer.
// Without this script (or without WebAuthn) the form still submits and the server says what is missing.
(function () {
    'use strict';

    const optionsUrl = { create: '/api/auth/passkeys/creation-options', get: '/api/auth/passkeys/request-options' };

    async function ceremony(form) {
        const mode = form.dataset.passkey;
        const token = form.querySelector('input[name="__RequestVerificationToken"]').value;
        const response = await fetch(optionsUrl[mode], { method: 'POST', credentials: 'same-origin', headers: { RequestVerificationToken: token } });
        if (!response.ok) {
            throw new Error('options');
        }
        const options = await response.json();
        const credential = mode === 'create'
            ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
            : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
        return JSON.stringify(credential);
    }

    for (const form of document.querySelectorAll('form[data-passkey]')) {
        form.addEventListener('submit', async (event) => {
            if (form.dataset.answered === 'yes' || !window.PublicKeyCredential || !PublicKeyCredential.parseCreationOptionsFromJSON) {
                return;
            }
            event.preventDefault();
            const credentialField = form.querySelector('[data-passkey-credential]');
            const errorField = form.querySelector('[data-passkey-error]');
            const button = form.querySelector('button[type="submit"]');
            button.disabled = true;
            try {
                credentialField.value = await ceremony(form);
            } catch (error) {
                // NotAllowedError: the person cancelled or the time ran out; the server words the message.
                errorField.value = error && error.name ? error.name : 'Error';
            }
            form.dataset.answered = 'yes';
            button.disabled = false;
            form.requestSubmit(button);
        });
    }
})();
