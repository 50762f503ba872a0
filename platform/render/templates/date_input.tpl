{{%AUTOESCAPE context="HTML"}}<div class="field{{#INVALID}} field-invalid{{/INVALID}}">
<fieldset class="date" aria-describedby="{{ID}}-hint{{#INVALID}} {{ID}}-error{{/INVALID}}">
  <legend>{{LABEL}}</legend>
  <p class="hint" id="{{ID}}-hint">{{HINT}}</p>
  {{#INVALID}}<p class="field-error" id="{{ID}}-error"><span class="visually-hidden">Lỗi: </span>{{ERROR}}</p>{{/INVALID}}
  <div class="date-parts">
    <div><label for="{{ID}}">Ngày</label><input class="w2" id="{{ID}}" name="{{NAME}}_day" inputmode="numeric" maxlength="2" autocomplete="off" value="{{DAY}}"{{#INVALID}} aria-invalid="true"{{/INVALID}}></div>
    <div><label for="{{ID}}-month">Tháng</label><input class="w2" id="{{ID}}-month" name="{{NAME}}_month" inputmode="numeric" maxlength="2" autocomplete="off" value="{{MONTH}}"{{#INVALID}} aria-invalid="true"{{/INVALID}}></div>
    <div><label for="{{ID}}-year">Năm</label><input class="w4" id="{{ID}}-year" name="{{NAME}}_year" inputmode="numeric" maxlength="4" autocomplete="off" value="{{YEAR}}"{{#INVALID}} aria-invalid="true"{{/INVALID}}></div>
  </div>
</fieldset>
</div>
