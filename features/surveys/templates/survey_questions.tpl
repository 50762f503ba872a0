{{%AUTOESCAPE context="HTML"}}{{#SECTION}}<h2>{{TITLE}}</h2>
    {{#QUESTION}}{{#CHOICE}}<fieldset class="field item{{#INVALID}} field-invalid{{/INVALID}}" id="{{FIELD_ID}}"{{#INVALID}} aria-describedby="{{FIELD_ID}}-error"{{/INVALID}}>
      <legend>{{N}}. {{TEXT}} <span class="hint">({{#REQUIRED}}bắt buộc{{/REQUIRED}}{{#OPTIONAL}}không bắt buộc{{/OPTIONAL}}{{#MANY}}, có thể chọn nhiều{{/MANY}})</span></legend>
      {{#INVALID}}<p class="field-error" id="{{FIELD_ID}}-error"><span class="visually-hidden">Lỗi: </span>{{ERROR}}</p>{{/INVALID}}
      {{#OPTION}}<label class="check" for="{{OPTION_ID}}"><input type="{{TYPE}}" id="{{OPTION_ID}}" name="{{NAME}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>
      {{/OPTION}}
    </fieldset>{{/CHOICE}}{{#TEXT_INPUT}}<div class="field{{#INVALID}} field-invalid{{/INVALID}}">
      <label for="{{FIELD_ID}}">{{N}}. {{TEXT}} <span class="hint">({{#REQUIRED}}bắt buộc{{/REQUIRED}}{{#OPTIONAL}}không bắt buộc{{/OPTIONAL}})</span></label>
      <p class="hint" id="{{FIELD_ID}}-hint">Tối đa {{MAX}} ký tự. Xin đừng ghi họ tên, số điện thoại hay số giấy tờ của mình.</p>
      {{#INVALID}}<p class="field-error" id="{{FIELD_ID}}-error"><span class="visually-hidden">Lỗi: </span>{{ERROR}}</p>{{/INVALID}}
      <textarea id="{{FIELD_ID}}" name="{{NAME}}" rows="3" maxlength="{{MAX}}" aria-describedby="{{FIELD_ID}}-hint{{#INVALID}} {{FIELD_ID}}-error{{/INVALID}}"{{#INVALID}} aria-invalid="true"{{/INVALID}}>{{VALUE}}</textarea>
    </div>{{/TEXT_INPUT}}
    {{/QUESTION}}{{/SECTION}}
